package dev.outpost.gateway.muster.report.html;

import dev.outpost.gateway.html.Html;
import dev.outpost.gateway.muster.MusterOutcome;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.time.IsoMillis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The report page's tables: the units to follow up, and every unit (sortable by any column). */
final class UnitTables {
    /** Column key, header text, and whether it sorts as a number. Keys are the CSV/JSON field names. */
    private record Column(String key, String title, boolean numeric) {
    }

    private static final List<Column> UNIT_COLUMNS = List.of(new Column("unit_id", "unit", false),
            new Column("name", "name", false), new Column("street", "street", false),
            new Column("class", "class", false), new Column("outcome", "outcome", false),
            new Column("latency_ms", "latency ms", true), new Column("attempts", "attempts", true),
            new Column("attempt_answered", "answered attempt", true), new Column("link", "link", false),
            new Column("bearer", "bearer", false), new Column("status", "status", false),
            new Column("staff", "staff", true), new Column("ack_at", "ack at (UTC)", false),
            new Column("detail", "detail", false));

    private UnitTables() {
    }

    /** The units with no answer, unreachable or cancelled: who to follow up, in the report's row order. */
    static void unanswered(Html h, List<ReportRow> rows) {
        List<ReportRow> missing = rows.stream().filter(r -> r.outcome() == MusterOutcome.NO_ANSWER
                || r.outcome() == MusterOutcome.UNREACHABLE || r.outcome() == MusterOutcome.CANCELLED).toList();
        if (missing.isEmpty()) {
            h.raw("<p class=\"none\" id=\"unanswered-none\">every called unit answered</p>");
            return;
        }
        h.raw("<table id=\"unanswered\"><thead><tr><th>unit</th><th>name</th><th>street</th><th>class</th>"
                + "<th>outcome</th><th>attempts</th><th>link</th><th>detail</th></tr></thead><tbody>");
        for (ReportRow r : missing) {
            h.raw("<tr").attr("class", r.outcome().wireName()).raw(">").el("td", r.unitId()).el("td", text(r.name()))
                    .el("td", text(r.street())).el("td", text(r.unitClass()))
                    .raw("<td class=\"outcome\">").text(r.outcome().wireName().replace('_', ' ')).raw("</td>")
                    .raw("<td class=\"n\">").text(r.attempts()).raw("</td>").el("td", text(r.link()))
                    .el("td", text(r.detail())).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }

    /** Every unit, one row each; a header click sorts (ReportAssets.SORT_SCRIPT). */
    static void units(Html h, List<ReportRow> rows) {
        h.raw("<table id=\"units\" class=\"sortable\"><thead><tr>");
        for (Column c : UNIT_COLUMNS) {
            h.raw("<th").attr("data-key", c.key()).attr("data-type", c.numeric() ? "num" : "text")
                    .attr("title", "sort by " + c.title()).raw(">").text(c.title()).raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        for (ReportRow r : rows) {
            String outcome = r.outcome() == null ? "" : r.outcome().wireName();
            h.raw("<tr").attr("class", outcome).raw(">").el("td", r.unitId()).el("td", text(r.name()))
                    .el("td", text(r.street())).el("td", text(r.unitClass()))
                    .raw("<td class=\"outcome\">").text(outcome.replace('_', ' ')).raw("</td>");
            number(h, r.latencyMs() == null ? null : BigDecimal.valueOf(r.latencyMs()).setScale(1,
                    RoundingMode.HALF_UP).toPlainString(), r.latencyMs());
            number(h, String.valueOf(r.attempts()), r.attempts());
            number(h, text(r.attemptAnswered()), r.attemptAnswered());
            h.el("td", text(r.link())).el("td", text(r.bearer())).el("td", text(r.status()));
            number(h, text(r.staff()), r.staff());
            h.el("td", instant(r.ackAt())).el("td", text(r.detail())).raw("</tr>");
        }
        h.raw("</tbody></table>");
    }

    /** A right-aligned cell showing {@code shown}, sorting by the exact value (empty when there is none). */
    private static void number(Html h, String shown, Number exact) {
        h.raw("<td class=\"n\"").attr("data-sort", exact == null ? "" : exact.toString()).raw(">")
                .text(Objects.toString(shown, "")).raw("</td>");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String instant(Instant at) {
        return at == null ? "" : IsoMillis.format(at).replace('T', ' ').replace("Z", "");
    }
}
