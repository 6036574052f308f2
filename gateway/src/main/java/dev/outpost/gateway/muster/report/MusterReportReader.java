package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.muster.MusterOutcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a report back from the JSON {@link MusterReportWriter} wrote (as stored in the journal or saved from
 * {@code muster/<id>/result}). Written by hand because the JSON flattens records ({@code @JsonUnwrapped}), which
 * Jackson cannot undo for records. Unknown fields are ignored; a field of the wrong shape is an
 * {@link IllegalArgumentException} naming it.
 */
public final class MusterReportReader {
    private MusterReportReader() {
    }

    public static MusterReport read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a muster report must be a JSON object");
        }
        JsonNode s = n.path("settings");
        MusterSettings settings = new MusterSettings(s.path("attempt_timeout_ms").asDouble(), s.path("retries").asInt(),
                s.path("deadline_ms").asDouble(), s.path("late_window_ms").asDouble(), texts(s.path("prefer_links")));
        List<GroupUse> groups = list(n.path("groups_used"),
                g -> new GroupUse(g.path("link_id").asText(), g.path("group").asText()));
        ReportContext context = new ReportContext(text(n, "muster_id"), text(n, "label"), text(n, "scope"),
                text(n, "method"), text(n, "state"), instant(n, "started_at"), instant(n, "finished_at"),
                n.path("duration_ms").asDouble(), settings, groups);
        JsonNode sum = n.path("summary");
        ReportSummary summary = new ReportSummary(tally(sum), number(sum, "time_to_50pct_ms"),
                number(sum, "time_to_90pct_ms"), number(sum, "time_to_100pct_ms"), sum.path("duplicate_acks").asInt(),
                sum.path("ignored_acks").asInt(), texts(sum.path("unanswered")));
        JsonNode b = n.path("breakdowns");
        ReportBreakdowns breakdowns = new ReportBreakdowns(groups(b.path("by_street")), groups(b.path("by_class")),
                groups(b.path("by_link")), groups(b.path("by_bearer")));
        return new MusterReport(n.path("api").asInt(), context, summary, breakdowns,
                list(n.path("rows"), MusterReportReader::row));
    }

    private static ReportRow row(JsonNode r) {
        String outcome = text(r, "outcome");
        return new ReportRow(text(r, "unit_id"), text(r, "name"), text(r, "street"), text(r, "class"),
                outcome == null ? null : outcome(outcome), number(r, "latency_ms"), r.path("attempts").asInt(),
                whole(r, "attempt_answered"), text(r, "bearer"), text(r, "link"), text(r, "status"), whole(r, "staff"),
                instant(r, "first_sent_at"), instant(r, "ack_at"), number(r, "answered_after_ms"), text(r, "detail"));
    }

    private static MusterOutcome outcome(String wire) {
        try {
            return MusterOutcome.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown outcome '" + wire + "' in a report row", e);
        }
    }

    private static List<GroupStats> groups(JsonNode array) {
        return list(array, g -> new GroupStats(g.path("key").asText(), tally(g)));
    }

    private static OutcomeTally tally(JsonNode t) {
        Map<String, Integer> excluded = new LinkedHashMap<>();
        t.path("excluded").fields().forEachRemaining(e -> excluded.put(e.getKey(), e.getValue().asInt()));
        JsonNode l = t.path("latency");
        LatencyStats latency = new LatencyStats(l.path("count").asInt(), number(l, "p50_ms"), number(l, "p90_ms"),
                number(l, "p99_ms"), number(l, "max_ms"));
        return new OutcomeTally(t.path("targeted").asInt(), excluded, t.path("called").asInt(), t.path("acked").asInt(),
                t.path("late").asInt(), t.path("no_answer").asInt(), t.path("unreachable").asInt(),
                t.path("cancelled").asInt(), number(t, "response_rate"), latency);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(item.apply(e)));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number, not " + v);
        }
        return v.asDouble();
    }

    private static Integer whole(JsonNode n, String field) {
        Double v = number(n, field);
        return v == null ? null : v.intValue();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant, not '" + v + "'", e);
        }
    }
}
