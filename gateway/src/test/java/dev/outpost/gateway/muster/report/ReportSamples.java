package dev.outpost.gateway.muster.report;

import java.util.ArrayList;
import java.util.List;

/** Reports for tests of code that renders them (CSV, text, HTML). */
public final class ReportSamples {
    private ReportSamples() {
    }

    /** The worked example of docs/MUSTER.md: ten units, two streets, every outcome. */
    public static MusterReport workedExample() {
        return MusterReportBuilderTest.report();
    }

    /**
     * The worked example with {@code text} as the label, and as U4's (a no-answer unit's) name, street and detail:
     * for checking that outside text is escaped or quoted wherever it is shown.
     */
    public static MusterReport withText(String text) {
        List<ReportRow> rows = new ArrayList<>();
        for (ReportRow r : MusterReportBuilderTest.ROWS) {
            rows.add(!r.unitId().equals("U4") ? r : new ReportRow(r.unitId(), text, text, r.unitClass(), r.outcome(),
                    r.latencyMs(), r.attempts(), r.attemptAnswered(), r.bearer(), r.link(), r.status(), r.staff(),
                    r.firstSentAt(), r.ackAt(), r.answeredAfterMs(), text));
        }
        ReportContext c = workedExample().context();
        ReportContext labelled = new ReportContext(c.musterId(), text, c.scope(), c.method(), c.state(), c.startedAt(),
                c.finishedAt(), c.durationMs(), c.settings());
        return MusterReportBuilder.build(labelled, rows, 3, 1);
    }
}
