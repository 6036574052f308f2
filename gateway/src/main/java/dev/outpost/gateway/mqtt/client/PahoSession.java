package dev.outpost.gateway.mqtt.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One Paho client for one connection. {@link ReconnectingMqttClient} makes a fresh one per connect attempt, so no
 * half-dead Paho state is ever reused. Futures complete on Paho threads: the owner must hand them off.
 */
interface PahoSession {

    /** Completes when the broker accepted the CONNECT. */
    CompletableFuture<Void> connect();

    CompletableFuture<Void> publish(OutboundMessage message);

    CompletableFuture<Void> subscribe(String topicFilter, int qos);

    /** Sends DISCONNECT (waiting at most {@code timeout}), then releases the client. Never throws. */
    void disconnect(Duration timeout);

    /** Drops the TCP connection without DISCONNECT (the broker then publishes the will), then releases the client. */
    void abort();

    /** What a Paho client reports; called on Paho threads. */
    interface Callbacks {
        void messageArrived(InboundMessage message);

        void connectionLost(String cause, boolean sessionTakenOver);
    }

    /** Builds the adapter for the configured protocol version. */
    interface Factory {
        PahoSession create(MqttClientOptions options, java.util.Optional<OutboundMessage> will, Callbacks callbacks)
                throws Exception;
    }

    static Factory forVersion(MqttProtocolVersion version) {
        return switch (version) {
            case V5 -> Paho5Session::new;
            case V3_1_1 -> Paho3Session::new;
        };
    }
}
