package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.event.EventIds;
import dev.outpost.gateway.time.IsoMillis;
import java.time.Instant;

/** JSON conventions of the MQTT API: snake_case keys, {@code ts} as ISO-8601 UTC with exactly milliseconds. */
public final class MqttJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MqttJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * A new event payload carrying the fields every event has: a fresh {@code event_id} (consumers drop
     * at-least-once duplicates by it) and {@code ts}.
     */
    public static ObjectNode event(Instant ts) {
        ObjectNode json = object();
        json.put("event_id", EventIds.random());
        json.put("ts", timestamp(ts));
        return json;
    }

    /** {@code 2026-01-01T00:00:00.000Z} */
    public static String timestamp(Instant instant) {
        return IsoMillis.format(instant);
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
