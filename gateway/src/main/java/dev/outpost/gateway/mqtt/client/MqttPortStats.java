package dev.outpost.gateway.mqtt.client;

/**
 * @param connections         successful connections so far
 * @param connectionLosses    connections that dropped unexpectedly
 * @param sessionTakeovers    drops the broker reported as "session taken over" (MQTT 5 reason 0x8E)
 * @param suspectedTakeovers  bursts of short-lived connections (how a takeover looks on 3.1.1)
 */
public record MqttPortStats(
        boolean connected, long connections, long connectionLosses, long sessionTakeovers, long suspectedTakeovers) {}
