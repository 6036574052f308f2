package dev.outpost.gateway.muster.report;

import java.time.Instant;
import java.util.List;

/**
 * The final record of a muster (retained on {@code muster/<id>/result}, stored in the journal).
 * Schema and formulas: docs/MUSTER.md. {@code api} changes when the shape does.
 *
 * @param state {@code finished} or {@code cancelled}
 */
public record MusterReport(
        int api,
        String musterId,
        String label,
        String scope,
        String method,
        String state,
        Instant startedAt,
        Instant finishedAt,
        double durationMs,
        MusterSettings settings,
        ReportSummary summary,
        ReportBreakdowns breakdowns,
        List<ReportRow> rows) {

    public static final int API_VERSION = 1;

    public MusterReport {
        rows = List.copyOf(rows);
    }
}
