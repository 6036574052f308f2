package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code schedules:} list of routine musters. */
final class ScheduleBinder {
    private static final Set<String> SCOPES = Set.of("all", "street", "class", "units");

    private ScheduleBinder() {
    }

    static List<ScheduleSettings> bind(MapReader root) {
        Optional<YamlNode.ListNode> list = root.list("schedules");
        List<ScheduleSettings> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<YamlNode> items = list.map(YamlNode.ListNode::items).orElse(List.of());
        for (int index = 0; index < items.size(); index++) {
            YamlNode item = items.get(index);
            if (!(item instanceof YamlNode.MapNode map)) {
                root.context().error(item.mark(), "each schedule must be a mapping with 'id' and 'cron', not "
                        + item.describe(), null);
                continue;
            }
            MapReader r = new MapReader(map, "schedules[" + index + "]", map.mark(), root.context());
            bindOne(r, ids).ifPresent(out::add);
            r.finish();
        }
        return List.copyOf(out);
    }

    private static Optional<ScheduleSettings> bindOne(MapReader r, Set<String> ids) {
        Optional<String> id = r.requiredScalar("id").flatMap(s -> Values.matching(r, "id", LinksBinder.ID,
                LinksBinder.ID_RULE));
        id.filter(value -> !ids.add(value)).ifPresent(value -> r.context().error(r.markOf("id"),
                "duplicate schedule id '" + value + "'", "schedule ids must be unique"));
        Optional<CronExpression> cron = r.requiredScalar("cron").flatMap(s -> {
            CronExpression.Result parsed = CronExpression.parse(s.text());
            if (parsed.expression().isEmpty()) {
                r.context().error(s.mark(), "'cron': " + parsed.problem(),
                        "e.g. \"0 3 * * *\" for 03:00 every day, \"*/30 8-18 * * MON-FRI\" for every half hour");
            }
            return parsed.expression();
        });
        Duration jitter = Values.duration(r, "jitter", Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
        ZoneId zone = ZoneId.systemDefault();
        Optional<YamlNode.Scalar> zoneText = r.scalar("zone");
        if (zoneText.isPresent()) {
            try {
                zone = ZoneId.of(zoneText.get().text());
            } catch (DateTimeException e) {
                r.context().error(zoneText.get().mark(), "'zone': unknown time zone '" + zoneText.get().text() + "'",
                        "use a region id such as Asia/Shanghai, or UTC");
            }
        }
        String scopeType = "all";
        String scopeValue = "";
        List<String> units = List.of();
        Optional<MapReader> scope = r.section("scope");
        if (scope.isPresent()) {
            MapReader s = scope.get();
            scopeType = Values.choice(s, "type", Map.of("all", "all", "street", "street", "class", "class", "units",
                    "units")).orElse("all");
            if (scopeType.equals("street") || scopeType.equals("class")) {
                scopeValue = s.requiredScalar(scopeType).map(YamlNode.Scalar::text).orElse("");
            }
            if (scopeType.equals("class") && !scopeValue.isEmpty() && !scopeValue.matches("[A-Da-d]")) {
                r.context().error(s.markOf("class"), "'class' must be A, B, C or D, not '" + scopeValue + "'", null);
            }
            if (scopeType.equals("units")) {
                units = s.list("units").map(l -> l.items().stream().filter(YamlNode.Scalar.class::isInstance)
                        .map(n -> ((YamlNode.Scalar) n).text()).toList()).orElse(List.of());
                if (units.isEmpty()) {
                    r.context().error(s.markOf("units"), "'units' scope needs a non-empty 'units' list", null);
                }
            }
            s.finish();
        }
        Optional<MusterMethod> method = Values.choice(r, "method",
                SectionBinders.byConfigName(MusterMethod.values(), MusterMethod::configName));
        String label = r.string("label").orElse("");
        boolean allowOverlap = r.scalar("allow_overlap").map(s -> {
            if (!s.text().equals("true") && !s.text().equals("false")) {
                r.context().error(s.mark(), "'allow_overlap' must be true or false", null);
            }
            return s.text().equals("true");
        }).orElse(false);
        if (id.isEmpty() || cron.isEmpty() || !SCOPES.contains(scopeType)) {
            return Optional.empty();
        }
        return Optional.of(new ScheduleSettings(id.get(), cron.get(), jitter, zone, scopeType, scopeValue, units,
                method, label.isEmpty() ? "routine " + id.get() : label, allowOverlap));
    }
}
