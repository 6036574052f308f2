package dev.outpost.gateway.mqtt.client;

import java.time.Duration;

/** What happened to the connection to the broker. Delivered on the owner's executor, never on a Paho thread. */
public sealed interface ConnectionEvent {

    /**
     * Connected (CONNACK accepted).
     *
     * @param connectionNumber 1 for the first connection of this process, 2 after the first reconnect, ...
     */
    record Connected(int connectionNumber) implements ConnectionEvent {}

    /**
     * The connection dropped.
     *
     * @param cause           a readable reason (never contains secrets)
     * @param sessionTakenOver the broker said another client connected with our client id (MQTT 5 reason 0x8E)
     */
    record Lost(String cause, boolean sessionTakenOver) implements ConnectionEvent {}

    /** A connect attempt failed or the connection dropped; the next attempt starts after {@code delay}. */
    record Reconnecting(int attempt, Duration delay) implements ConnectionEvent {}
}
