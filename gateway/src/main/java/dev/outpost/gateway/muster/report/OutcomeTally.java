package dev.outpost.gateway.muster.report;

import java.util.Map;

/**
 * Counts for a set of units, shared by the summary and every breakdown group.
 *
 * @param called       targeted minus excluded minus unreachable: the units that could have answered
 * @param responseRate acked / called (late answers do not count), null when nothing was called
 */
public record OutcomeTally(
        int targeted,
        Map<String, Integer> excluded,
        int called,
        int acked,
        int late,
        int noAnswer,
        int unreachable,
        int cancelled,
        Double responseRate,
        LatencyStats latency) {

    public OutcomeTally {
        // Kept in insertion order so that JSON output is stable.
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }
}
