package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

    @Test
    void okReplyHasEveryKeyWithNullError() {
        String json = Reply.ok(MqttJson.object().put("muster_id", "m1")).withTransaction(Optional.of("t1"))
                .toJson(NOW).toString();
        assertEquals("{\"status\":\"ok\",\"data\":{\"muster_id\":\"m1\"},\"error\":null,\"transaction\":\"t1\","
                + "\"ts\":\"2026-03-01T12:00:00.123Z\"}", json);
    }

    @Test
    void errorReplyHasEveryKeyWithNullData() {
        String json = Reply.error(ErrorCodes.NOT_FOUND, "no muster m9").toJson(NOW).toString();
        assertEquals("{\"status\":\"error\",\"data\":null,\"error\":{\"code\":\"not_found\",\"message\":"
                + "\"no muster m9\"},\"transaction\":null,\"ts\":\"2026-03-01T12:00:00.123Z\"}", json);
    }

    @Test
    void timestampsAlwaysCarryMilliseconds() {
        assertEquals("2026-03-01T12:00:00.000Z", MqttJson.timestamp(Instant.parse("2026-03-01T12:00:00Z")));
    }

    @Test
    void everyEventCarriesAFreshEventIdAndTs() {
        var first = MqttJson.event(NOW);
        var second = MqttJson.event(NOW);
        assertEquals("2026-03-01T12:00:00.123Z", first.get("ts").asText());
        assertEquals(36, first.get("event_id").asText().length());
        org.junit.jupiter.api.Assertions.assertNotEquals(first.get("event_id"), second.get("event_id"));
    }
}
