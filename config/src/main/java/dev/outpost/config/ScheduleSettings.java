package dev.outpost.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A routine muster: started at each instant its cron expression matches (in {@code zone}), plus a random delay of up
 * to {@code jitter}, so that drills are regular but unannounced.
 *
 * @param scopeType  {@code all}, {@code street}, {@code class} or {@code units}
 * @param scopeValue the street or class for those scopes, else empty
 * @param units      the unit ids for {@code units}, else empty
 * @param method     empty: the muster defaults' method
 */
public record ScheduleSettings(String id, CronExpression cron, Duration jitter, ZoneId zone, String scopeType,
                               String scopeValue, List<String> units, Optional<MusterMethod> method, String label,
                               boolean allowOverlap) {
    public ScheduleSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(scopeType, "scopeType");
        scopeValue = scopeValue == null ? "" : scopeValue;
        units = List.copyOf(units);
        Objects.requireNonNull(method, "method");
        label = label == null ? "" : label;
    }
}
