package dev.outpost.gateway.muster.report;

import dev.outpost.gateway.muster.MusterOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns per-unit rows into a report: summary, breakdowns and percentiles. Pure. */
public final class MusterReportBuilder {
    static final String NO_GROUP = "none";

    private MusterReportBuilder() {
    }

    public static MusterReport build(ReportContext context, List<ReportRow> rows, int duplicateAcks, int ignoredAcks) {
        OutcomeTally totals = tally(rows);
        List<Double> answeredAfter = rows.stream()
                .filter(r -> r.outcome() != null && r.outcome().isAnswer() && r.answeredAfterMs() != null)
                .map(ReportRow::answeredAfterMs).sorted().toList();
        List<String> unanswered = rows.stream()
                .filter(r -> r.outcome() == MusterOutcome.NO_ANSWER || r.outcome() == MusterOutcome.UNREACHABLE
                        || r.outcome() == MusterOutcome.CANCELLED)
                .map(ReportRow::unitId).toList();
        ReportSummary summary = new ReportSummary(totals,
                timeToAccounted(answeredAfter, totals.called(), 50),
                timeToAccounted(answeredAfter, totals.called(), 90),
                timeToAccounted(answeredAfter, totals.called(), 100),
                duplicateAcks, ignoredAcks, unanswered);
        ReportBreakdowns breakdowns = new ReportBreakdowns(
                groups(rows, ReportRow::street),
                groups(rows, ReportRow::unitClass),
                groups(rows, ReportRow::link),
                groups(rows, ReportRow::bearer));
        return new MusterReport(MusterReport.API_VERSION, context, summary, breakdowns, rows);
    }

    /** Counts, response rate and latency over any set of rows. */
    public static OutcomeTally tally(List<ReportRow> rows) {
        Map<MusterOutcome, Integer> counts = new java.util.EnumMap<>(MusterOutcome.class);
        for (MusterOutcome outcome : MusterOutcome.values()) {
            counts.put(outcome, 0);
        }
        // A live (unfinished) report has rows without an outcome yet; they count only as targeted.
        rows.stream().filter(r -> r.outcome() != null).forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        int targeted = rows.size();
        int onLeave = counts.get(MusterOutcome.ON_LEAVE);
        int deactivated = counts.get(MusterOutcome.DEACTIVATED);
        int unreachable = counts.get(MusterOutcome.UNREACHABLE);
        int called = targeted - onLeave - deactivated - unreachable;
        int acked = counts.get(MusterOutcome.ACKED);
        List<Double> latencies = rows.stream()
                .filter(r -> r.outcome() == MusterOutcome.ACKED && r.latencyMs() != null)
                .map(ReportRow::latencyMs).sorted().toList();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        excluded.put(MusterOutcome.ON_LEAVE.wireName(), onLeave);
        excluded.put(MusterOutcome.DEACTIVATED.wireName(), deactivated);
        return new OutcomeTally(targeted, excluded,
                called, acked, counts.get(MusterOutcome.LATE), counts.get(MusterOutcome.NO_ANSWER), unreachable,
                counts.get(MusterOutcome.CANCELLED),
                called == 0 ? null : (double) acked / called,
                latencyStats(latencies));
    }

    /** Nearest-rank percentile of an ascending list: the value at rank ceil(p/100 * n), or null when empty. */
    public static Double percentile(List<Double> sortedAscending, double p) {
        if (sortedAscending.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedAscending.size());
        return sortedAscending.get(Math.min(Math.max(rank, 1), sortedAscending.size()) - 1);
    }

    static LatencyStats latencyStats(List<Double> sorted) {
        return new LatencyStats(sorted.size(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    }

    /** When the answers reached pct % of the called units (nearest rank), or null if they never did. */
    static Double timeToAccounted(List<Double> answeredAfterSorted, int called, int pct) {
        int needed = (int) Math.ceil(pct / 100.0 * called);
        if (called == 0 || needed > answeredAfterSorted.size()) {
            return null;
        }
        return answeredAfterSorted.get(Math.max(needed, 1) - 1);
    }

    private static List<GroupStats> groups(List<ReportRow> rows, Function<ReportRow, String> key) {
        Map<String, List<ReportRow>> byKey = new TreeMap<>();
        for (ReportRow row : rows) {
            String k = key.apply(row);
            byKey.computeIfAbsent(k == null || k.isEmpty() ? NO_GROUP : k, x -> new ArrayList<>()).add(row);
        }
        List<GroupStats> out = new ArrayList<>();
        byKey.forEach((k, members) -> out.add(new GroupStats(k, tally(members))));
        out.sort(Comparator.comparing(GroupStats::key));
        return out;
    }
}
