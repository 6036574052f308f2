package dev.outpost.gateway.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * @param topicPrefix          first topic level, default {@code outpost}; base = {@code <prefix>/<gatewayId>}
 * @param gatewayId            this gateway's id (one topic level: no {@code /}, {@code +} or {@code #})
 * @param version              the gateway's software version, shown in status and info
 * @param queueCapacity        messages held while disconnected; when full, the oldest QoS 0 one goes first
 * @param maxInFlight          publishes awaiting PUBACK at once (keep at or below the broker's receive maximum)
 * @param maxRequestBytes      larger requests get {@code payload_too_large}
 * @param transactionTtl       how long a {@code transaction}'s reply is remembered
 * @param transactionCacheSize how many replies are remembered at most
 * @param shutdownTimeout      how long close() waits for the offline status to be confirmed
 */
public record MqttBridgeOptions(
        String topicPrefix,
        String gatewayId,
        String version,
        int queueCapacity,
        int maxInFlight,
        int maxRequestBytes,
        Duration transactionTtl,
        int transactionCacheSize,
        Duration shutdownTimeout) {

    public static final int API_VERSION = 1;

    public MqttBridgeOptions {
        Objects.requireNonNull(version, "version");
        requireTopicLevels(topicPrefix, "topicPrefix");
        requireTopicLevels(gatewayId, "gatewayId");
        if (gatewayId.contains("/")) {
            throw new IllegalArgumentException("gatewayId must be a single topic level: " + gatewayId);
        }
        if (queueCapacity < 1 || maxInFlight < 1 || maxRequestBytes < 1 || transactionCacheSize < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
    }

    /** Queue 10,000, 16 in flight, requests up to 256 KiB, transactions remembered 5 minutes (10,000 at most). */
    public static MqttBridgeOptions defaults(String topicPrefix, String gatewayId, String version) {
        return new MqttBridgeOptions(topicPrefix, gatewayId, version, 10_000, 16, 256 * 1024,
                Duration.ofMinutes(5), 10_000, Duration.ofSeconds(3));
    }

    public MqttBridgeOptions withQueueCapacity(int capacity) {
        return new MqttBridgeOptions(topicPrefix, gatewayId, version, capacity, maxInFlight, maxRequestBytes,
                transactionTtl, transactionCacheSize, shutdownTimeout);
    }

    public MqttBridgeOptions withMaxRequestBytes(int bytes) {
        return new MqttBridgeOptions(topicPrefix, gatewayId, version, queueCapacity, maxInFlight, bytes,
                transactionTtl, transactionCacheSize, shutdownTimeout);
    }

    /** {@code <prefix>/<gateway id>} */
    public String base() {
        return topicPrefix + "/" + gatewayId;
    }

    private static void requireTopicLevels(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.contains("+") || value.contains("#") || value.startsWith("/")
                || value.endsWith("/")) {
            throw new IllegalArgumentException(name + " is not usable in a topic: '" + value + "'");
        }
    }
}
