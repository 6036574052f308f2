package dev.outpost.gateway.schedule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.MusterMethod;
import dev.outpost.config.ScheduleSettings;
import dev.outpost.gateway.mqtt.MqttJson;
import java.util.List;

/**
 * The schedules as JSON, one form for MQTT ({@code info}, {@code schedule/list}) and the status server
 * ({@code /schedules}): docs/mqtt-api.md.
 */
public final class ScheduleJson {
    private ScheduleJson() {
    }

    /** Each schedule with its next start and what its last one came to. */
    public static ArrayNode list(List<MusterSchedules.ScheduleView> views) {
        ArrayNode items = MqttJson.object().arrayNode();
        for (MusterSchedules.ScheduleView v : views) {
            ObjectNode item = definition(v.settings());
            item.put("next_at", v.nextAt() == null ? null : MqttJson.timestamp(v.nextAt()));
            item.put("last_muster_id", v.lastMusterId());
            item.put("last_problem", v.lastProblem());
            items.add(item);
        }
        return items;
    }

    /** {@code {"schedules": [...]}}: the {@code schedule/list} reply and the {@code /schedules} document. */
    public static ObjectNode document(List<MusterSchedules.ScheduleView> views) {
        ObjectNode data = MqttJson.object();
        data.set("schedules", list(views));
        return data;
    }

    private static ObjectNode definition(ScheduleSettings s) {
        ObjectNode n = MqttJson.object();
        n.put("id", s.id());
        n.put("label", s.label());
        n.put("cron", s.cron().toString());
        n.put("zone", s.zone().getId());
        n.put("jitter_ms", s.jitter().toMillis());
        n.put("scope", scope(s));
        n.put("method", s.method().map(MusterMethod::configName).orElse(null));
        n.put("allow_overlap", s.allowOverlap());
        return n;
    }

    /** {@code all}, {@code street:<name>}, {@code class:<A-D>} or {@code units:<count>}. */
    public static String scope(ScheduleSettings s) {
        return s.scopeType() + (s.scopeValue().isEmpty() ? "" : ":" + s.scopeValue())
                + (s.units().isEmpty() ? "" : ":" + s.units().size());
    }
}
