package dev.outpost.gateway.muster.report.html;

import dev.outpost.gateway.html.Html;
import dev.outpost.gateway.html.LatencyBins;
import dev.outpost.gateway.muster.report.GroupStats;
import dev.outpost.gateway.muster.report.LatencyStats;
import dev.outpost.gateway.muster.report.OutcomeTally;
import java.util.List;
import java.util.Locale;

/** The report page's inline SVG charts: the latency histogram and the stacked response bars of a breakdown. */
final class ReportCharts {
    static final int WIDTH = 720;
    private static final int LEFT = 56;
    private static final int PLOT_WIDTH = WIDTH - LEFT - 16;
    private static final int PLOT_TOP = 42;
    private static final int PLOT_HEIGHT = 180;
    private static final int HISTOGRAM_HEIGHT = PLOT_TOP + PLOT_HEIGHT + 44;
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = WIDTH - LABEL_WIDTH - 150;
    private static final int ROW = 22;

    private ReportCharts() {
    }

    /**
     * Bars of acks per latency bin, a count axis with three ticks, a latency axis labelled about every fifth bin,
     * and dashed markers at the p50, p90 and p99 latencies.
     */
    static void latencyHistogram(Html h, List<Double> latenciesMs, LatencyStats stats) {
        LatencyBins bins = LatencyBins.of(latenciesMs);
        int highest = bins.highest();
        double span = (double) bins.size() * bins.binMs();
        double barWidth = (double) PLOT_WIDTH / bins.size();
        int base = PLOT_TOP + PLOT_HEIGHT;
        h.raw("<svg class=\"histogram\" id=\"latency-histogram\" width=\"" + WIDTH + "\" height=\"" + HISTOGRAM_HEIGHT
                        + "\" viewBox=\"0 0 " + WIDTH + " " + HISTOGRAM_HEIGHT + "\"").attr("role", "img")
                .attr("aria-label", "ack latency histogram: " + bins.total() + " acks in " + bins.binMs() + " ms bins")
                .attr("data-bin-ms", bins.binMs()).raw(">");
        for (int tick = 0; tick <= 2; tick++) {
            int value = Math.round(highest * tick / 2f);
            double y = base - PLOT_HEIGHT * (double) value / highest;
            h.raw("<line class=\"grid\" x1=\"" + LEFT + "\" y1=\"" + Html.num(y) + "\" x2=\"" + (LEFT + PLOT_WIDTH)
                            + "\" y2=\"" + Html.num(y) + "\"/><text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\""
                            + Html.num(y + 4) + "\" text-anchor=\"end\">").text(value).raw("</text>");
        }
        for (int i = 0; i < bins.size(); i++) {
            int count = bins.counts().get(i);
            double height = PLOT_HEIGHT * (double) count / highest;
            h.raw("<rect class=\"bar\" x=\"" + Html.num(LEFT + i * barWidth + 1) + "\" y=\"" + Html.num(base - height)
                            + "\" width=\"" + Html.num(Math.max(1, barWidth - 2)) + "\" height=\"" + Html.num(height)
                            + "\" data-count=\"" + count + "\"><title>")
                    .text(i * bins.binMs() + "–" + (i + 1) * bins.binMs() + " ms: " + count + " acks")
                    .raw("</title></rect>");
        }
        h.raw("<line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + base + "\" x2=\"" + (LEFT + PLOT_WIDTH) + "\" y2=\""
                + base + "\"/><line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + PLOT_TOP + "\" x2=\"" + LEFT
                + "\" y2=\"" + base + "\"/>");
        int labelEvery = Math.max(1, (bins.size() + 4) / 5);
        for (int i = 0; i <= bins.size(); i += labelEvery) {
            h.raw("<text class=\"tick\" x=\"" + Html.num(LEFT + i * barWidth) + "\" y=\"" + (base + 16)
                    + "\" text-anchor=\"middle\">").text(milliseconds(i * bins.binMs())).raw("</text>");
        }
        marker(h, "p50", stats.p50Ms(), span, 0);
        marker(h, "p90", stats.p90Ms(), span, 1);
        marker(h, "p99", stats.p99Ms(), span, 2);
        h.raw("<text class=\"title\" x=\"" + (LEFT + PLOT_WIDTH / 2) + "\" y=\"" + (HISTOGRAM_HEIGHT - 6)
                        + "\" text-anchor=\"middle\">").text("latency from first call to ack (" + bins.binMs()
                        + " ms bins)").raw("</text><text class=\"title\" x=\"14\" y=\"" + (PLOT_TOP + PLOT_HEIGHT / 2)
                        + "\" text-anchor=\"middle\" transform=\"rotate(-90 14 " + (PLOT_TOP + PLOT_HEIGHT / 2)
                        + ")\">acks</text></svg>");
    }

    /** A dashed vertical line at a percentile, labelled above the plot; labels are staggered so they do not overlap. */
    private static void marker(Html h, String name, Double ms, double spanMs, int nth) {
        if (ms == null) {
            return;
        }
        double x = LEFT + PLOT_WIDTH * Math.min(1, ms / spanMs);
        boolean nearRightEdge = x > LEFT + PLOT_WIDTH - 90;
        h.raw("<line class=\"marker " + name + "\" x1=\"" + Html.num(x) + "\" y1=\"" + (12 + nth * 12) + "\" x2=\""
                + Html.num(x) + "\" y2=\"" + (PLOT_TOP + PLOT_HEIGHT) + "\"/><text class=\"marker-label\" x=\""
                + Html.num(nearRightEdge ? x - 3 : x + 3) + "\" y=\"" + (11 + nth * 12) + "\""
                + (nearRightEdge ? " text-anchor=\"end\"" : "") + ">")
                .text(name + " " + milliseconds(ms)).raw("</text>");
    }

    /**
     * One stacked bar per group over its called units: acked, late, no answer and cancelled (they add up to
     * called), with the response rate and the counts beside it.
     */
    static void responseBars(Html h, String id, String what, List<GroupStats> groups) {
        int height = 24 + Math.max(1, groups.size()) * ROW;
        h.raw("<svg class=\"rates\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " "
                + height + "\"").attr("id", id).attr("role", "img").attr("aria-label", "response rate by " + what)
                .raw(">");
        legend(h);
        for (int i = 0; i < groups.size(); i++) {
            GroupStats group = groups.get(i);
            OutcomeTally t = group.totals();
            int y = 24 + i * ROW;
            h.raw("<g class=\"group\"").attr("data-key", group.key()).raw("><text x=\"0\" y=\"" + (y + 14) + "\">")
                    .text(clip(group.key(), 26)).raw("</text><rect class=\"track\" x=\"" + LABEL_WIDTH + "\" y=\""
                            + (y + 3) + "\" width=\"" + BAR_WIDTH + "\" height=\"14\"/>");
            int[] counts = {t.acked(), t.late(), t.noAnswer(), t.cancelled()};
            String[] classes = {"acked", "late", "noanswer", "cancelled"};
            double x = LABEL_WIDTH;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0 || t.called() == 0) {
                    continue;
                }
                double w = BAR_WIDTH * (double) counts[k] / t.called();
                h.raw("<rect class=\"" + classes[k] + "\" x=\"" + Html.num(x) + "\" y=\"" + (y + 3) + "\" width=\""
                        + Html.num(w) + "\" height=\"14\"><title>").text(group.key() + ": " + counts[k] + " "
                        + classes[k] + " of " + t.called() + " called").raw("</title></rect>");
                x += w;
            }
            h.raw("<text x=\"" + (LABEL_WIDTH + BAR_WIDTH + 8) + "\" y=\"" + (y + 14) + "\">")
                    .text((t.responseRate() == null ? "–" : Html.percent(t.responseRate())) + "  " + t.acked() + "/"
                            + t.called()).raw("</text></g>");
        }
        h.raw("</svg>");
    }

    private static void legend(Html h) {
        String[][] entries = {{"acked", "acked"}, {"late", "late"}, {"noanswer", "no answer"},
            {"cancelled", "cancelled"}};
        int x = LABEL_WIDTH;
        for (String[] e : entries) {
            h.raw("<rect class=\"" + e[0] + "\" x=\"" + x + "\" y=\"4\" width=\"10\" height=\"10\"/><text x=\""
                    + (x + 14) + "\" y=\"13\">" + e[1] + "</text>");
            x += 90;
        }
    }

    /** 850 ms, 1.5 s, 12 s: short enough for an axis label. */
    static String milliseconds(double ms) {
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms % 1000 == 0 ? "%.0f s" : "%.1f s", ms / 1000);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
