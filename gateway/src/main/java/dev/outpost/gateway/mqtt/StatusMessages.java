package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Builds {@code <base>/status} messages: online on every connect, offline as the will and on clean shutdown. */
final class StatusMessages {
    /** MQTT 5 user property naming the API version on every message the bridge sends. */
    static final Map<String, String> SCHEMA = Map.of("schema", String.valueOf(MqttBridgeOptions.API_VERSION));

    private final String topic;
    private final String version;
    private final Instant startedAt;
    private final GatewayClock clock;

    StatusMessages(String base, String version, Instant startedAt, GatewayClock clock) {
        this.topic = base + "/status";
        this.version = version;
        this.startedAt = startedAt;
        this.clock = clock;
    }

    OutboundMessage online(int session) {
        return message("online", session);
    }

    OutboundMessage offline(int session) {
        return message("offline", session);
    }

    private OutboundMessage message(String state, int session) {
        ObjectNode json = MqttJson.object();
        json.put("state", state);
        json.put("session", session);
        json.put("version", version);
        json.put("started_at", MqttJson.timestamp(startedAt));
        json.put("api", MqttBridgeOptions.API_VERSION);
        json.put("ts", MqttJson.timestamp(clock.wallNow()));
        return new OutboundMessage(topic, MqttJson.bytes(json), 1, true, Optional.empty(), SCHEMA);
    }
}
