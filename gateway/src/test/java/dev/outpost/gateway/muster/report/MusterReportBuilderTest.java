package dev.outpost.gateway.muster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.outpost.gateway.muster.MusterOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A small muster computed by hand; see the table in docs/MUSTER.md ("worked example"). */
class MusterReportBuilderTest {
    static final Instant START = Instant.parse("2026-11-29T10:15:00Z");

    static ReportRow row(String id, String street, String cls, MusterOutcome outcome, Double latency, String link,
                         Double answeredAfter) {
        String bearer = link == null ? null : link.startsWith("poc") ? "poc" : "dmr";
        return new ReportRow(id, "Unit " + id, street, cls, outcome, latency, outcome.isExclusion() ? 0 : 1,
                outcome.isAnswer() ? 1 : null, bearer, link, outcome.isAnswer() ? "present" : null, null,
                link == null ? null : START, answeredAfter == null ? null : START.plusMillis(answeredAfter.longValue()),
                answeredAfter, "");
    }

    static final List<ReportRow> ROWS = List.of(
            row("U1", "S1", "A", MusterOutcome.ACKED, 10.0, "dmr1", 100.0),
            row("U2", "S1", "A", MusterOutcome.ACKED, 20.0, "dmr1", 200.0),
            row("U3", "S1", "B", MusterOutcome.ACKED, 30.0, "dmr1", 300.0),
            row("U4", "S1", "B", MusterOutcome.NO_ANSWER, null, "dmr1", null),
            row("U5", "S1", "C", MusterOutcome.ON_LEAVE, null, null, null),
            row("U6", "S2", "A", MusterOutcome.ACKED, 40.0, "dmr1", 400.0),
            row("U7", "S2", "C", MusterOutcome.LATE, 500.0, "dmr1", 1_500.0),
            row("U8", "S2", "D", MusterOutcome.UNREACHABLE, null, null, null),
            row("U9", "S2", "D", MusterOutcome.ACKED, 50.0, "poc1", 600.0),
            row("U10", "S2", "D", MusterOutcome.DEACTIVATED, null, null, null));

    static MusterReport report() {
        ReportContext context = new ReportContext("m-1", "drill", "all", "poll", "finished", START,
                START.plusSeconds(5), 5_000, new MusterSettings(1_000, 2, 4_000, 1_000, List.of()));
        return MusterReportBuilder.build(context, ROWS, 3, 1);
    }

    @Test
    void summaryMatchesTheHandComputedExample() {
        ReportSummary summary = report().summary();
        OutcomeTally t = summary.totals();
        assertEquals(10, t.targeted());
        assertEquals(Map.of("on_leave", 1, "deactivated", 1), t.excluded());
        assertEquals(7, t.called());
        assertEquals(5, t.acked());
        assertEquals(1, t.late());
        assertEquals(1, t.noAnswer());
        assertEquals(1, t.unreachable());
        assertEquals(5.0 / 7, t.responseRate());
        assertEquals(new LatencyStats(5, 30.0, 50.0, 50.0, 50.0), t.latency());
        assertEquals(400.0, summary.timeTo50PctMs(), "4th of 6 answers: ceil(0.5 * 7) = 4");
        assertNull(summary.timeTo90PctMs(), "needs 7 answers, only 6 came");
        assertNull(summary.timeTo100PctMs());
        assertEquals(List.of("U4", "U8"), summary.unanswered());
        assertEquals(3, summary.duplicateAcks());
    }

    @Test
    void breakdownsSplitTheSameCounts() {
        ReportBreakdowns b = report().breakdowns();
        assertEquals(List.of("S1", "S2"), b.byStreet().stream().map(GroupStats::key).toList());
        OutcomeTally s1 = b.byStreet().get(0).totals();
        assertEquals(4, s1.called());
        assertEquals(0.75, s1.responseRate());
        assertEquals(20.0, s1.latency().p50Ms());
        assertEquals(30.0, s1.latency().p90Ms());
        OutcomeTally s2 = b.byStreet().get(1).totals();
        assertEquals(3, s2.called());
        assertEquals(2.0 / 3, s2.responseRate());
        assertEquals(40.0, s2.latency().p50Ms());
        assertEquals(50.0, s2.latency().maxMs());

        assertEquals(List.of("dmr1", "none", "poc1"), b.byLink().stream().map(GroupStats::key).toList());
        OutcomeTally none = b.byLink().get(1).totals();
        assertEquals(0, none.called());
        assertNull(none.responseRate());
        assertEquals(List.of("dmr", "none", "poc"), b.byBearer().stream().map(GroupStats::key).toList());
        assertEquals(List.of("A", "B", "C", "D"), b.byClass().stream().map(GroupStats::key).toList());
        assertEquals(3, b.byClass().get(0).totals().acked());
    }

    @Test
    void percentilesUseNearestRank() {
        List<Double> hundred = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertEquals(50.0, MusterReportBuilder.percentile(hundred, 50));
        assertEquals(90.0, MusterReportBuilder.percentile(hundred, 90));
        assertEquals(99.0, MusterReportBuilder.percentile(hundred, 99));
        assertEquals(1.0, MusterReportBuilder.percentile(hundred, 0));
        List<Double> three = List.of(1.5, 2.5, 9.0);
        assertEquals(2.5, MusterReportBuilder.percentile(three, 50));
        assertEquals(9.0, MusterReportBuilder.percentile(three, 90));
        assertNull(MusterReportBuilder.percentile(List.of(), 50));
    }
}
