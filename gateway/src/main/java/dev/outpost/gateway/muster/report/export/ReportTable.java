package dev.outpost.gateway.muster.report.export;

import dev.outpost.gateway.muster.report.GroupStats;
import dev.outpost.gateway.muster.report.LatencyStats;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.OutcomeTally;
import dev.outpost.gateway.muster.report.ReportContext;
import dev.outpost.gateway.muster.report.ReportSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A report as a plain-text summary for the terminal: totals, latency percentiles, then by street and by class. */
public final class ReportTable {
    /** How many unanswered unit ids the summary lists before it only counts the rest. */
    static final int UNANSWERED_SHOWN = 40;
    private static final int IDS_PER_LINE = 10;
    private static final String GROUP_FORMAT = "  %-22s %8s %8s %8s %6s %9s %11s %7s %9s %9s%n";

    private ReportTable() {
    }

    public static void print(MusterReport report, PrintWriter out) {
        ReportContext c = report.context();
        ReportSummary s = report.summary();
        OutcomeTally t = s.totals();
        out.printf(Locale.ROOT, "Muster %s%s: %s, %s, scope %s%n", c.musterId(),
                c.label() == null || c.label().isEmpty() ? "" : " \"" + c.label() + "\"", c.state(), c.method(),
                c.scope());
        out.printf(Locale.ROOT, "  started %s, finished %s, took %.1f s%n", c.startedAt(), c.finishedAt(),
                c.durationMs() / 1000);
        out.printf(Locale.ROOT, "  targeted %,d; excluded %s; called %,d%n", t.targeted(), excluded(t), t.called());
        out.printf(Locale.ROOT, "  acked %,d (%s of called), late %,d, no answer %,d, unreachable %,d, cancelled %,d%n",
                t.acked(), rate(t.responseRate()), t.late(), t.noAnswer(), t.unreachable(), t.cancelled());
        LatencyStats l = t.latency();
        out.printf(Locale.ROOT, "  latency of %,d acks: p50 %s, p90 %s, p99 %s, max %s%n", l.count(), ms(l.p50Ms()),
                ms(l.p90Ms()), ms(l.p99Ms()), ms(l.maxMs()));
        out.printf(Locale.ROOT, "  answered: 50 %% after %s, 90 %% after %s, 100 %% after %s; %d duplicate and %d "
                + "ignored acks%n", ms(s.timeTo50PctMs()), ms(s.timeTo90PctMs()), ms(s.timeTo100PctMs()),
                s.duplicateAcks(), s.ignoredAcks());
        groups(out, "By street", "street", report.breakdowns().byStreet());
        groups(out, "By class", "class", report.breakdowns().byClass());
        unanswered(out, s.unanswered());
        out.flush();
    }

    private static void groups(PrintWriter out, String title, String key, List<GroupStats> groups) {
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, GROUP_FORMAT, key, "targeted", "called", "acked", "late", "no answer", "unreachable",
                "rate", "p50", "p90");
        for (GroupStats g : groups) {
            OutcomeTally t = g.totals();
            out.printf(Locale.ROOT, GROUP_FORMAT, clip(g.key(), 22), t.targeted(), t.called(), t.acked(), t.late(),
                    t.noAnswer(), t.unreachable(), rate(t.responseRate()), ms(t.latency().p50Ms()),
                    ms(t.latency().p90Ms()));
        }
    }

    private static void unanswered(PrintWriter out, List<String> ids) {
        out.println();
        if (ids.isEmpty()) {
            out.println("Unanswered: none");
            return;
        }
        out.printf(Locale.ROOT, "Unanswered (%,d, no answer, unreachable or cancelled):%n", ids.size());
        int shown = Math.min(ids.size(), UNANSWERED_SHOWN);
        for (int i = 0; i < shown; i += IDS_PER_LINE) {
            out.println("  " + String.join(", ", ids.subList(i, Math.min(shown, i + IDS_PER_LINE))));
        }
        if (ids.size() > shown) {
            out.printf(Locale.ROOT, "  ... and %,d more (--format csv or html lists every unit)%n", ids.size() - shown);
        }
    }

    private static String excluded(OutcomeTally t) {
        StringBuilder b = new StringBuilder();
        t.excluded().forEach((why, n) -> b.append(b.length() == 0 ? "" : ", ").append(why.replace('_', ' '))
                .append(' ').append(n));
        return b.length() == 0 ? "none" : b.toString();
    }

    static String rate(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,.0f ms", value);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }
}
