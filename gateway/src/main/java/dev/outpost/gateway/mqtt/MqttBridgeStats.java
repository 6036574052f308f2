package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.MqttPortStats;

/**
 * Counters for health replies and metrics.
 *
 * @param session            the current connection number (0 before the first connect)
 * @param queued             messages waiting for the broker
 * @param dropped            messages dropped because the queue was full
 * @param failedPublishes    messages the broker or client refused (not counting retries after a lost connection)
 * @param requests           requests answered (including error replies)
 * @param ignoredRetained    requests ignored because they arrived with the retain flag
 * @param duplicateRequests  requests answered from the transaction cache
 */
public record MqttBridgeStats(
        int session,
        int queued,
        long dropped,
        long failedPublishes,
        long delivered,
        long requests,
        long ignoredRetained,
        long duplicateRequests,
        MqttPortStats port) {}
