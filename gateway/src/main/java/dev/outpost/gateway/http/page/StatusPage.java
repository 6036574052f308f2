package dev.outpost.gateway.http.page;

import dev.outpost.gateway.html.Html;
import dev.outpost.gateway.http.GatewayStatus;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.StationStatus;
import dev.outpost.gateway.muster.MusterOutcome;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.OutcomeTally;
import dev.outpost.gateway.muster.report.ReportRow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The status page at {@code /}: server-rendered HTML with inline CSS and SVG, no script and nothing fetched from
 * elsewhere, so it works offline on the gateway box. An optional meta refresh keeps progress bars live.
 */
public final class StatusPage {
    private StatusPage() {
    }

    public static String render(GatewayStatus status, Duration refresh) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (!refresh.isZero()) {
            h.raw("<meta http-equiv=\"refresh\"").attr("content", refresh.toSeconds()).raw(">");
        }
        h.raw("<title>").text("Outpost " + status.gatewayId()).raw("</title><style>").raw(PageStyle.CSS)
                .raw("</style></head><body>");
        h.raw("<h1>Outpost <span id=\"gateway\">").text(status.gatewayId()).raw("</span></h1><p class=\"meta\">")
                .text("version " + status.version() + " · " + status.at() + " · MQTT "
                        + (status.mqttConnected() ? "connected" : "disconnected") + " · journal "
                        + (status.journal().writable() ? "writable" : "NOT writable: " + status.journal().detail()))
                .raw("</p>");
        links(h, status.links());
        streets(h, status.streets());
        running(h, status.running());
        SchedulesSection.render(h, status.schedules());
        last(h, status.lastFinished().orElse(null));
        return h.raw("</body></html>\n").toString();
    }

    private static void links(Html h, List<LinkStatus> links) {
        h.raw("<section id=\"links\"><h2>Links</h2>");
        if (links.isEmpty()) {
            h.raw("<p class=\"none\">no links configured</p></section>");
            return;
        }
        h.raw("<table><tr><th>link</th><th>type</th><th>state</th><th>since</th><th>peer</th><th>detail</th>"
                + "<th>reconnects</th><th>frames in / out / invalid</th></tr>");
        for (LinkStatus link : links) {
            h.raw("<tr class=\"link\"").attr("id", "link-" + link.linkId()).attr("data-state", link.state().wireName())
                    .raw(">").el("td", link.linkId()).el("td", link.type()).raw("<td>");
            badge(h, link.state().wireName());
            h.raw("</td>").el("td", Objects.toString(link.since(), "")).el("td", Objects.toString(link.peer(), ""))
                    .raw("<td>").text(Objects.toString(link.detail(), ""));
            stations(h, link.stations());
            h.raw("</td><td class=\"n\">").text(link.reconnects()).raw("</td><td class=\"n\">")
                    .text(link.framesIn() + " / " + link.framesOut() + " / " + link.framesInvalid())
                    .raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    /** DMR base stations behind a link, with their own state. */
    private static void stations(Html h, List<StationStatus> stations) {
        if (stations.isEmpty()) {
            return;
        }
        h.raw("<ul class=\"stations\">");
        for (StationStatus s : stations) {
            h.raw("<li class=\"station\"").attr("data-state", s.state().wireName()).raw(">")
                    .text("station " + s.stationId() + " ");
            badge(h, s.state().wireName());
            String callsign = s.info().get("callsign");
            h.text((callsign == null ? "" : " " + callsign) + (s.address() == null ? "" : " at " + s.address()))
                    .raw("</li>");
        }
        h.raw("</ul>");
    }

    private static void badge(Html h, String state) {
        h.raw("<span").attr("class", "badge " + state).raw(">").text(state).raw("</span>");
    }

    private static void streets(Html h, List<GatewayStatus.StreetUnits> streets) {
        h.raw("<section id=\"units\"><h2>Units online by street</h2>");
        if (streets.isEmpty()) {
            h.raw("<p class=\"none\">the unit registry is empty</p></section>");
            return;
        }
        h.raw("<p class=\"meta\">Online: the unit's last presence or traffic on a link that is still up. "
                + "Lifecycle counts are from the registry.</p>");
        h.raw("<table><tr><th>street</th><th>online</th><th></th><th>active</th><th>on leave</th>"
                + "<th>deactivated</th></tr>");
        for (GatewayStatus.StreetUnits s : streets) {
            h.raw("<tr class=\"street\">").el("td", s.street()).raw("<td class=\"n\">").text(s.online() + " / "
                    + s.total()).raw("</td><td>");
            Charts.share(h, s.online(), s.total());
            h.raw("</td><td class=\"n\">").text(s.active()).raw("</td><td class=\"n\">").text(s.onLeave())
                    .raw("</td><td class=\"n\">").text(s.deactivated()).raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void running(Html h, List<MusterSnapshot> running) {
        h.raw("<section id=\"running\"><h2>Running musters</h2>");
        if (running.isEmpty()) {
            h.raw("<p class=\"none\">no muster is running</p>");
        }
        for (MusterSnapshot s : running) {
            h.raw("<div class=\"muster\"").attr("id", "muster-" + s.musterId()).raw("><strong>")
                    .text(s.label() == null ? s.musterId() : s.label()).raw("</strong> ")
                    .text(s.musterId() + " · " + s.scope() + " · " + s.method() + " · "
                            + Math.round(s.elapsedMs() / 1000) + " s").raw("<br>");
            Charts.progress(h, s);
            h.raw("<br>").text(s.acked() + " acked, " + s.late() + " late, " + s.noAnswer() + " no answer, "
                    + s.unreachable() + " unreachable, " + s.pending() + " pending of " + s.targeted()).raw("</div>");
        }
        h.raw("</section>");
    }

    private static void last(Html h, MusterReport report) {
        h.raw("<section id=\"last\"><h2>Last muster</h2>");
        if (report == null) {
            h.raw("<p class=\"none\">no muster has finished since the gateway started</p></section>");
            return;
        }
        OutcomeTally t = report.summary().totals();
        h.raw("<p><strong>").text(report.context().label() == null ? report.musterId() : report.context().label())
                .raw("</strong> ").text(report.musterId() + " · " + report.state() + " · "
                        + Math.round(report.durationMs() / 1000) + " s · " + t.acked() + " acked of " + t.called()
                        + " called" + (t.responseRate() == null ? "" : " (" + Html.percent(t.responseRate()) + ")")
                        + " · " + t.late() + " late · " + t.noAnswer() + " no answer · " + t.unreachable()
                        + " unreachable").raw("</p>");
        List<Double> latencies = report.rows().stream()
                .filter(r -> r.outcome() == MusterOutcome.ACKED && r.latencyMs() != null)
                .map(ReportRow::latencyMs).toList();
        h.raw("<h3>Ack latency (acked in time)</h3>");
        if (latencies.isEmpty()) {
            h.raw("<p class=\"none\">no unit acked in time</p>");
        } else {
            Charts.latencyHistogram(h, latencies);
        }
        h.raw("<h3>Response rate by street</h3>");
        Charts.streetRates(h, report.breakdowns().byStreet());
        h.raw("</section>");
    }
}
