package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The final record of a muster (retained on {@code muster/<id>/result}, stored in the journal).
 * The context's fields sit at the top level of the JSON. Schema and formulas: docs/MUSTER.md.
 * {@code api} changes when the shape does.
 */
public record MusterReport(
        int api,
        @JsonUnwrapped ReportContext context,
        ReportSummary summary,
        ReportBreakdowns breakdowns,
        List<ReportRow> rows) {

    public static final int API_VERSION = 1;

    public MusterReport {
        rows = List.copyOf(rows);
    }

    public String musterId() {
        return context.musterId();
    }

    /** {@code finished} or {@code cancelled}. */
    public String state() {
        return context.state();
    }

    public double durationMs() {
        return context.durationMs();
    }
}
