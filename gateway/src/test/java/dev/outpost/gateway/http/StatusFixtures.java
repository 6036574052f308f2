package dev.outpost.gateway.http;

import dev.outpost.gateway.http.GatewayStatus.JournalState;
import dev.outpost.gateway.http.GatewayStatus.StreetUnits;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.StationStatus;
import dev.outpost.gateway.muster.MusterOutcome;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.GroupStats;
import dev.outpost.gateway.muster.report.LatencyStats;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterSettings;
import dev.outpost.gateway.muster.report.OutcomeTally;
import dev.outpost.gateway.muster.report.ReportBreakdowns;
import dev.outpost.gateway.muster.report.ReportContext;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.muster.report.ReportSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made gateway states for the status page and readiness tests. */
public final class StatusFixtures {
    public static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    /** A street name that would break the page if it were not escaped. */
    public static final String HOSTILE = "<script>alert('x')</script> & \"Co\"";

    private StatusFixtures() {
    }

    public static LinkStatus link(String id, LinkState state, StationStatus... stations) {
        return new LinkStatus(id, "hbp-master", state, T0, "0.0.0.0:62031", state == LinkState.UP ? null
                : "peer timed out", 2, 100, 90, 1, List.of(stations));
    }

    public static StationStatus station(String id, LinkState state, String callsign) {
        return new StationStatus(id, state, T0, "10.0.0.2:62031", null, Map.of("callsign", callsign));
    }

    public static MusterSnapshot running(String id) {
        return new MusterSnapshot(id, "evening check", "all", "poll", "running", T0, 10, Map.of(), 4, 1, 3, 1, 1, 0,
                0, 12_000);
    }

    /** A finished muster: acks at the given latencies on "Tianhe Road", none on the hostile street. */
    public static MusterReport report(String id, double... latenciesMs) {
        List<ReportRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < latenciesMs.length; i++) {
            rows.add(new ReportRow("U-" + i, "unit " + i, "Tianhe Road", "A", MusterOutcome.ACKED, latenciesMs[i], 1,
                    1, "dmr", "dmr", null, null, T0, T0, latenciesMs[i], null));
        }
        rows.add(new ReportRow("U-x", HOSTILE, HOSTILE, "B", MusterOutcome.NO_ANSWER, null, 2, null, "dmr", "dmr",
                null, null, T0, null, null, null));
        int acked = latenciesMs.length;
        OutcomeTally total = tally(acked + 1, acked);
        ReportBreakdowns breakdowns = new ReportBreakdowns(
                List.of(new GroupStats(HOSTILE, tally(1, 0)), new GroupStats("Tianhe Road", tally(acked, acked))),
                List.of(), List.of(), List.of());
        return new MusterReport(MusterReport.API_VERSION, new ReportContext(id, "morning", "all", "poll", "finished",
                T0, T0.plusSeconds(30), 30_000, new MusterSettings(1500, 1, 30_000, 2000, List.of())),
                new ReportSummary(total, null, null, null, 0, 0, List.of("U-x")), breakdowns, rows);
    }

    private static OutcomeTally tally(int called, int acked) {
        return new OutcomeTally(called, Map.of(), called, acked, 0, called - acked, 0, 0,
                called == 0 ? null : (double) acked / called, new LatencyStats(acked, null, null, null, null));
    }

    public static GatewayStatus status(List<LinkStatus> links, boolean journalWritable, Optional<MusterReport> last,
                                       List<MusterSnapshot> running) {
        return new GatewayStatus("gw-1", "1.2.3", T0, true, journalWritable ? new JournalState(true, "")
                : new JournalState(false, "writer stopped"), links,
                List.of(new StreetUnits(HOSTILE, 1, 0, 0, 0), new StreetUnits("Tianhe Road", 5, 1, 1, 4)),
                running, last);
    }
}
