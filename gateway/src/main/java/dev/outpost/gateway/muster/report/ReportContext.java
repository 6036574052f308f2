package dev.outpost.gateway.muster.report;

import java.time.Instant;
import java.util.List;

/**
 * Everything in a report's head: who ran what, when, with which settings ({@code state}: finished or cancelled).
 *
 * @param groupsUsed the groups called instead of listing units (docs/MUSTER.md, "Groups"); empty when none
 */
public record ReportContext(
        String musterId,
        String label,
        String scope,
        String method,
        String state,
        Instant startedAt,
        Instant finishedAt,
        double durationMs,
        MusterSettings settings,
        List<GroupUse> groupsUsed) {

    public ReportContext {
        groupsUsed = groupsUsed == null ? List.of() : List.copyOf(groupsUsed);
    }

    /** A muster that called no group. */
    public ReportContext(String musterId, String label, String scope, String method, String state, Instant startedAt,
                         Instant finishedAt, double durationMs, MusterSettings settings) {
        this(musterId, label, scope, method, state, startedAt, finishedAt, durationMs, settings, List.of());
    }
}
