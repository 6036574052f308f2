package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Binders for the small sections: gateway, units, muster and log. */
final class SectionBinders {
    private static final Duration SHORTEST = Duration.ofMillis(1);

    private SectionBinders() {
    }

    static Optional<GatewaySettings> gateway(MapReader root) {
        Optional<MapReader> section = root.requiredSection("gateway");
        Optional<String> id = section.flatMap(r -> r.requiredScalar("id")
                .flatMap(s -> Values.matching(r, "id", LinksBinder.ID, LinksBinder.ID_RULE)));
        section.ifPresent(MapReader::finish);
        return id.map(GatewaySettings::new);
    }

    static Optional<UnitsSettings> units(MapReader root) {
        Optional<MapReader> section = root.requiredSection("units");
        Optional<Path> file = section.flatMap(r -> r.requiredScalar("file")
                .flatMap(s -> FileValues.existingFile(r, "file")));
        Optional<GeoBounds> bounds = section.flatMap(r -> r.section("bounds")).flatMap(SectionBinders::bounds);
        section.ifPresent(MapReader::finish);
        return file.map(f -> new UnitsSettings(f, bounds));
    }

    /** {@code bounds: { min_lat, max_lat, min_lon, max_lon }}, all four required. */
    private static Optional<GeoBounds> bounds(MapReader r) {
        Optional<Double> minLat = degrees(r, "min_lat", 90);
        Optional<Double> maxLat = degrees(r, "max_lat", 90);
        Optional<Double> minLon = degrees(r, "min_lon", 180);
        Optional<Double> maxLon = degrees(r, "max_lon", 180);
        r.finish();
        if (minLat.isEmpty() || maxLat.isEmpty() || minLon.isEmpty() || maxLon.isEmpty()) {
            return Optional.empty();
        }
        if (minLat.get() > maxLat.get() || minLon.get() > maxLon.get()) {
            r.context().error(r.markOf(minLat.get() > maxLat.get() ? "min_lat" : "min_lon"),
                    "'bounds' is empty: a minimum is above its maximum", "min_lat <= max_lat and min_lon <= max_lon");
            return Optional.empty();
        }
        return Optional.of(new GeoBounds(minLat.get(), maxLat.get(), minLon.get(), maxLon.get()));
    }

    private static Optional<Double> degrees(MapReader r, String key, double limit) {
        Optional<Double> value = r.requiredScalar(key).flatMap(s -> Values.number(r, key));
        if (value.isPresent() && Math.abs(value.get()) > limit) {
            r.context().error(r.markOf(key), "'" + key + "' must be within -" + (int) limit + ".." + (int) limit
                    + ", got " + value.get(), null);
            return Optional.empty();
        }
        return value;
    }

    static MusterDefaults muster(MapReader root, List<String> linkIds) {
        Optional<MapReader> section = root.section("muster");
        if (section.isEmpty()) {
            return new MusterDefaults(MusterDefaults.DEFAULT_METHOD, MusterDefaults.DEFAULT_ATTEMPT_TIMEOUT,
                    MusterDefaults.DEFAULT_RETRIES, MusterDefaults.DEFAULT_DEADLINE,
                    MusterDefaults.DEFAULT_LATE_WINDOW, linkIds);
        }
        MapReader r = section.get();
        MusterMethod method = Values.choice(r, "method", byConfigName(MusterMethod.values(),
                MusterMethod::configName)).orElse(MusterDefaults.DEFAULT_METHOD);
        Duration attemptTimeout = Values.duration(r, "attempt_timeout", MusterDefaults.DEFAULT_ATTEMPT_TIMEOUT,
                SHORTEST, Values.UNBOUNDED);
        int retries = Values.whole(r, "retries", 0, 100).map(Long::intValue).orElse(MusterDefaults.DEFAULT_RETRIES);
        Duration deadline = Values.duration(r, "deadline", MusterDefaults.DEFAULT_DEADLINE, SHORTEST,
                Values.UNBOUNDED);
        if (deadline.compareTo(attemptTimeout) < 0) {
            r.context().error(r.markOf(r.has("deadline") ? "deadline" : "attempt_timeout"), "'deadline' ("
                    + Durations.format(deadline) + ") is shorter than 'attempt_timeout' ("
                    + Durations.format(attemptTimeout) + ")", "the deadline caps the whole muster, so it must be "
                    + "at least one attempt long");
        }
        Duration lateWindow = Values.duration(r, "late_window", MusterDefaults.DEFAULT_LATE_WINDOW, Duration.ZERO,
                Values.UNBOUNDED);
        List<String> prefer = prefer(r, linkIds);
        r.finish();
        return new MusterDefaults(method, attemptTimeout, retries, deadline, lateWindow, prefer);
    }

    private static List<String> prefer(MapReader r, List<String> linkIds) {
        Optional<YamlNode.ListNode> list = r.list("prefer");
        if (list.isEmpty() || list.get().items().isEmpty()) {
            return linkIds;
        }
        List<String> prefer = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : list.get().items()) {
            if (!(item instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
                r.context().error(item.mark(), "'prefer' items must be link ids, not " + item.describe(), null);
            } else if (!linkIds.contains(scalar.text())) {
                r.context().error(item.mark(), "'prefer' names link '" + scalar.text() + "', which is not defined"
                        + Suggestions.didYouMean(scalar.text(), linkIds),
                        linkIds.isEmpty() ? "define it under 'links'" : "defined links: " + String.join(", ", linkIds));
            } else if (!seen.add(scalar.text())) {
                r.context().error(item.mark(), "'prefer' lists link '" + scalar.text() + "' twice", null);
            } else {
                prefer.add(scalar.text());
            }
        }
        return prefer;
    }

    static ReadinessSettings readiness(MapReader root) {
        Optional<MapReader> section = root.section("readiness");
        if (section.isEmpty()) {
            return new ReadinessSettings(ReadinessSettings.DEFAULT_WINDOW);
        }
        MapReader r = section.get();
        Duration window = Values.duration(r, "window", ReadinessSettings.DEFAULT_WINDOW, Duration.ofHours(1),
                Values.UNBOUNDED);
        r.finish();
        return new ReadinessSettings(window);
    }

    static LogSettings log(MapReader root) {
        Optional<MapReader> section = root.section("log");
        if (section.isEmpty()) {
            return new LogSettings(LogSettings.DEFAULT_LEVEL, LogSettings.DEFAULT_FORMAT);
        }
        MapReader r = section.get();
        String level = Values.choice(r, "level", LogSettings.LEVELS.stream()
                .collect(Collectors.toMap(Function.identity(), Function.identity()))).orElse(LogSettings.DEFAULT_LEVEL);
        LogFormat format = Values.choice(r, "format", byConfigName(LogFormat.values(),
                f -> f.name().toLowerCase(java.util.Locale.ROOT))).orElse(LogSettings.DEFAULT_FORMAT);
        r.finish();
        return new LogSettings(level, format);
    }

    static TimingSettings timing(MapReader root) {
        Optional<MapReader> section = root.section("timing");
        if (section.isEmpty()) {
            return TimingSettings.defaults();
        }
        MapReader r = section.get();
        TimingSettings.Realtime realtime = Values.choice(r, "realtime",
                byConfigName(TimingSettings.Realtime.values(), TimingSettings.Realtime::configName))
                .orElse(TimingSettings.Realtime.AUTO);
        long priority = Values.whole(r, "priority", 1, TimingSettings.MAX_PRIORITY)
                .orElse((long) TimingSettings.DEFAULT_PRIORITY);
        r.finish();
        return new TimingSettings(realtime, (int) priority);
    }

    static <E> Map<String, E> byConfigName(E[] values, Function<E, String> name) {
        return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(name, Function.identity()));
    }
}
