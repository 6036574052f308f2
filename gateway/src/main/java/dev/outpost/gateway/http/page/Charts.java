package dev.outpost.gateway.http.page;

import dev.outpost.gateway.html.Html;
import dev.outpost.gateway.html.LatencyBins;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.GroupStats;
import java.util.List;

/** Inline SVG charts for the status page: progress bars, the latency histogram and per-street response rates. */
final class Charts {
    static final int WIDTH = 480;

    private Charts() {
    }

    /** One stacked bar: acked, late, no answer, unreachable, cancelled, and (grey) still pending. */
    static void progress(Html h, MusterSnapshot s) {
        int[] counts = {s.acked(), s.late(), s.noAnswer(), s.unreachable(), s.cancelled(), s.pending()};
        String[] classes = {"acked", "late", "noanswer", "unreachable", "cancelled", "pending"};
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int accounted = total - s.pending();
        h.raw("<svg class=\"progress\" width=\"" + WIDTH + "\" height=\"20\" viewBox=\"0 0 " + WIDTH + " 20\"")
                .attr("role", "img").attr("aria-label", accounted + " of " + total + " called units accounted for")
                .raw(">");
        double x = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double w = WIDTH * (double) counts[i] / total;
            h.raw("<rect class=\"" + classes[i] + "\" x=\"" + Html.num(x) + "\" y=\"0\" width=\"" + Html.num(w)
                    + "\" height=\"20\"><title>").text(classes[i] + ": " + counts[i]).raw("</title></rect>");
            x += w;
        }
        h.raw("</svg>");
    }

    /** A thin bar of online over all units of a street. */
    static void share(Html h, int part, int whole) {
        double w = whole == 0 ? 0 : 160.0 * part / whole;
        h.raw("<svg class=\"share\" width=\"160\" height=\"10\" viewBox=\"0 0 160 10\">"
                + "<rect class=\"track\" width=\"160\" height=\"10\"/><rect class=\"acked\" width=\"" + Html.num(w)
                + "\" height=\"10\"/></svg>");
    }

    /** Counts of latencies in equal bins from 0, the bin width picked so that at most 20 bins cover the maximum. */
    static void latencyHistogram(Html h, List<Double> latenciesMs) {
        LatencyBins binned = LatencyBins.of(latenciesMs);
        long binMs = binned.binMs();
        int bins = binned.size();
        List<Integer> counts = binned.counts();
        int highest = binned.highest();
        int plot = 140;
        double barWidth = (double) WIDTH / bins;
        h.raw("<svg class=\"histogram\" width=\"" + WIDTH + "\" height=\"180\" viewBox=\"0 0 " + WIDTH + " 180\"")
                .attr("role", "img").attr("aria-label", "ack latency histogram, " + latenciesMs.size()
                        + " acks in " + binMs + " ms bins").raw(">");
        for (int i = 0; i < bins; i++) {
            double height = plot * (double) counts.get(i) / highest;
            h.raw("<rect class=\"bar\" x=\"" + Html.num(i * barWidth + 1) + "\" y=\"" + Html.num(plot - height)
                            + "\" width=\"" + Html.num(Math.max(1, barWidth - 2)) + "\" height=\"" + Html.num(height)
                            + "\"><title>")
                    .text(i * binMs + "–" + (i + 1) * binMs + " ms: " + counts.get(i)).raw("</title></rect>");
        }
        h.raw("<line class=\"axis\" x1=\"0\" y1=\"" + plot + "\" x2=\"" + WIDTH + "\" y2=\"" + plot + "\"/>");
        int labelEvery = Math.max(1, bins / 5);
        for (int i = 0; i <= bins; i += labelEvery) {
            String anchor = i == bins ? "\" text-anchor=\"end" : "";
            h.raw("<text x=\"" + Html.num(i * barWidth) + anchor + "\" y=\"" + (plot + 16) + "\">")
                    .text(i * binMs + " ms").raw("</text>");
        }
        h.raw("<text x=\"0\" y=\"176\">").text("highest bin: " + highest + " acks").raw("</text></svg>");
    }

    /** One horizontal bar per street: acked / called, with the percentage written beside it. */
    static void streetRates(Html h, List<GroupStats> streets) {
        int row = 18;
        int labelWidth = 170;
        int barMax = WIDTH - labelWidth - 60;
        int height = Math.max(row, streets.size() * row);
        h.raw("<svg class=\"streets\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " "
                + height + "\"").attr("role", "img").attr("aria-label", "response rate by street").raw(">");
        for (int i = 0; i < streets.size(); i++) {
            GroupStats street = streets.get(i);
            Double rate = street.totals().responseRate();
            double w = rate == null ? 0 : barMax * rate;
            int y = i * row;
            h.raw("<text x=\"0\" y=\"" + (y + 13) + "\">").text(clip(street.key(), 24)).raw("</text>")
                    .raw("<rect class=\"track\" x=\"" + labelWidth + "\" y=\"" + (y + 3) + "\" width=\"" + barMax
                            + "\" height=\"12\"/>")
                    .raw("<rect class=\"acked\" x=\"" + labelWidth + "\" y=\"" + (y + 3) + "\" width=\"" + Html.num(w)
                            + "\" height=\"12\"><title>").text(street.key() + ": " + street.totals().acked() + " of "
                            + street.totals().called() + " called acked").raw("</title></rect>")
                    .raw("<text x=\"" + (labelWidth + barMax + 6) + "\" y=\"" + (y + 13) + "\">")
                    .text(rate == null ? "–" : Html.percent(rate)).raw("</text>");
        }
        h.raw("</svg>");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
