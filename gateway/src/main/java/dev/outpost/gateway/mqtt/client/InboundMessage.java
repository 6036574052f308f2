package dev.outpost.gateway.mqtt.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message received on a subscription.
 *
 * @param retained        the retain flag as delivered (true means the broker replayed a stored message)
 * @param responseTopic   MQTT 5 Response Topic, when the sender set one
 * @param correlationData MQTT 5 Correlation Data, when the sender set one
 * @param userProperties  MQTT 5 user properties (empty on 3.1.1)
 */
public record InboundMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        Optional<String> responseTopic,
        Optional<byte[]> correlationData,
        Map<String, String> userProperties) {

    public InboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(responseTopic, "responseTopic");
        Objects.requireNonNull(correlationData, "correlationData");
        userProperties = Map.copyOf(userProperties);
    }
}
