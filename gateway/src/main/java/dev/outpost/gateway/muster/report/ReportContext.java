package dev.outpost.gateway.muster.report;

import java.time.Instant;

/** Everything in a report's head: who ran what, when, with which settings ({@code state}: finished or cancelled). */
public record ReportContext(
        String musterId,
        String label,
        String scope,
        String method,
        String state,
        Instant startedAt,
        Instant finishedAt,
        double durationMs,
        MusterSettings settings) {
}
