package dev.outpost.gateway.http.page;

import dev.outpost.gateway.html.Html;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.schedule.ScheduleJson;
import java.util.List;
import java.util.Objects;

/** The status page's routine schedules: what each runs, when it next starts, what its last start came to. */
final class SchedulesSection {
    private SchedulesSection() {
    }

    static void render(Html h, List<MusterSchedules.ScheduleView> schedules) {
        h.raw("<section id=\"schedules\"><h2>Routine schedules</h2>");
        if (schedules.isEmpty()) {
            h.raw("<p class=\"none\">no routine musters are scheduled</p></section>");
            return;
        }
        h.raw("<table><tr><th>schedule</th><th>cron</th><th>jitter</th><th>scope</th><th>method</th>"
                + "<th>next start</th><th>last muster</th></tr>");
        for (MusterSchedules.ScheduleView v : schedules) {
            var s = v.settings();
            h.raw("<tr class=\"schedule\"").attr("id", "schedule-" + s.id()).raw(">")
                    .el("td", s.label().isEmpty() ? s.id() : s.label() + " (" + s.id() + ")")
                    .el("td", s.cron() + " " + s.zone().getId())
                    .el("td", s.jitter().isZero() ? "none" : "up to " + s.jitter().toSeconds() + " s")
                    .el("td", ScheduleJson.scope(s))
                    .el("td", s.method().map(m -> m.configName()).orElse("muster default"))
                    .el("td", v.nextAt() == null ? "never again" : v.nextAt().toString())
                    .el("td", Objects.toString(v.lastMusterId(), "")
                            + (v.lastProblem() == null ? "" : " skipped: " + v.lastProblem()))
                    .raw("</tr>");
        }
        h.raw("</table></section>");
    }
}
