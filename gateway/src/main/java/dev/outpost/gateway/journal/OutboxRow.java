package dev.outpost.gateway.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One MQTT message that must be delivered: a row of the {@code outbox} table. The caller assigns
 * {@code seq} (positive, increasing: delivery order); {@code coalesceKey}, when set, means only the
 * newest message with that key matters (e.g. a retained state topic). The payload array is not copied.
 */
public record OutboxRow(long seq, String topic, byte[] payload, int qos, boolean retained, String eventId,
                        long createdAtMillis, String coalesceKey) {

    public OutboxRow {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxRow o && seq == o.seq && qos == o.qos && retained == o.retained
                && createdAtMillis == o.createdAtMillis && topic.equals(o.topic) && Arrays.equals(payload, o.payload)
                && Objects.equals(eventId, o.eventId) && Objects.equals(coalesceKey, o.coalesceKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, topic, Arrays.hashCode(payload), qos, retained, eventId, createdAtMillis, coalesceKey);
    }

    @Override
    public String toString() {
        return "OutboxRow[seq=" + seq + ", topic=" + topic + ", payload=" + payload.length + " bytes, qos=" + qos
                + ", retained=" + retained + ", eventId=" + eventId + ", createdAtMillis=" + createdAtMillis
                + ", coalesceKey=" + coalesceKey + "]";
    }
}
