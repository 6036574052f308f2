package dev.outpost.config;

import java.time.Duration;
import java.util.Optional;

/** A reconnect backoff range read from a {@code reconnect: {min, max}} mapping. */
record Backoff(Duration min, Duration max) {
    private static final Duration SHORTEST = Duration.ofMillis(1);

    /** Reads {@code reconnect} from {@code parent}; absent keys take {@code defaults}. */
    static Backoff read(MapReader parent, Backoff defaults) {
        Optional<MapReader> section = parent.section("reconnect");
        if (section.isEmpty()) {
            return defaults;
        }
        MapReader r = section.get();
        Duration min = Values.duration(r, "min", defaults.min(), SHORTEST, Values.UNBOUNDED);
        Duration max = Values.duration(r, "max", defaults.max(), SHORTEST, Values.UNBOUNDED);
        if (max.compareTo(min) < 0) {
            r.context().error(r.markOf(r.has("max") ? "max" : "min"), "reconnect 'max' (" + Durations.format(max)
                    + ") is shorter than 'min' (" + Durations.format(min) + ")", "max must be >= min");
        }
        r.finish();
        return new Backoff(min, max);
    }
}
