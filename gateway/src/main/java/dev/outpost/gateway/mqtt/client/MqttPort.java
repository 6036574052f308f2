package dev.outpost.gateway.mqtt.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The gateway's own view of an MQTT client. It connects, keeps reconnecting with backoff until closed (including
 * when the very first connect fails), and hands every callback off to the executor given at start.
 */
public interface MqttPort extends AutoCloseable {

    /**
     * Starts connecting. Returns at once; connection events and messages arrive on {@code executor}, which also
     * runs reconnect timers. Use a single-threaded executor if the listener needs events in order.
     */
    void start(MqttPortListener listener, ScheduledExecutorService executor);

    /**
     * Publishes now. Completes on PUBACK (QoS 1), PUBCOMP (QoS 2) or once sent (QoS 0). Fails with
     * {@link MqttNotConnectedException} when not connected or when the connection drops before the broker confirmed.
     */
    CompletableFuture<Void> publish(OutboundMessage message);

    /** Subscribes on the current connection (callers resubscribe after every {@link ConnectionEvent.Connected}). */
    CompletableFuture<Void> subscribe(String topicFilter, int qos);

    boolean isConnected();

    MqttProtocolVersion version();

    /** Counters for health and metrics. */
    MqttPortStats stats();

    /** Disconnects cleanly (sends DISCONNECT, so the broker discards the will) and stops reconnecting. */
    @Override
    void close();
}
