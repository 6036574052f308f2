package dev.outpost.gateway.mqtt.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to publish.
 *
 * @param correlationData MQTT 5 correlation data to send along (replies copy the request's); ignored on 3.1.1
 * @param userProperties  MQTT 5 user properties; ignored on 3.1.1
 */
public record OutboundMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        Optional<byte[]> correlationData,
        Map<String, String> userProperties) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(correlationData, "correlationData");
        userProperties = Map.copyOf(userProperties);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
        }
    }

    public static OutboundMessage of(String topic, byte[] payload, int qos, boolean retained) {
        return new OutboundMessage(topic, payload, qos, retained, Optional.empty(), Map.of());
    }
}
