package dev.outpost.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How to reach the MQTT broker. {@code username} is {@code null} when not configured. */
public record MqttSettings(
        String url,
        MqttVersion version,
        String clientId,
        String topicPrefix,
        String username,
        Optional<SecretRef> password,
        Optional<TlsSettings> tls,
        Duration keepalive,
        Duration reconnectMin,
        Duration reconnectMax) {

    public static final MqttVersion DEFAULT_VERSION = MqttVersion.V5;
    public static final String DEFAULT_TOPIC_PREFIX = "outpost";
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }

    /** The default client id for a gateway: {@code outpost-<gateway id>}. */
    public static String defaultClientId(String gatewayId) {
        return "outpost-" + gatewayId;
    }

    /** {@code <topic prefix>/<gateway id>}, the root of every topic this gateway uses. */
    public String baseTopic(String gatewayId) {
        return topicPrefix + "/" + gatewayId;
    }
}
