package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.ConnectionEvent;
import dev.outpost.gateway.mqtt.client.MqttPort;
import dev.outpost.gateway.mqtt.client.MqttPortListener;
import dev.outpost.gateway.mqtt.client.MqttPortStats;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/** An in-memory {@link MqttPort} (our interface) that calls its listener directly on the test thread. */
final class FakeMqttPort implements MqttPort {
    final List<OutboundMessage> published = new CopyOnWriteArrayList<>();
    final List<String> subscriptions = new CopyOnWriteArrayList<>();
    MqttPortListener listener;
    volatile boolean connected;
    volatile boolean closed;
    private int connections;

    void connect() {
        connected = true;
        listener.onConnectionEvent(new ConnectionEvent.Connected(++connections));
    }

    void drop() {
        connected = false;
        listener.onConnectionEvent(new ConnectionEvent.Lost("test drop", false));
    }

    @Override
    public void start(MqttPortListener portListener, ScheduledExecutorService executor) {
        listener = portListener;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
        published.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        subscriptions.add(topicFilter);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public MqttProtocolVersion version() {
        return MqttProtocolVersion.V5;
    }

    @Override
    public MqttPortStats stats() {
        return new MqttPortStats(connected, connections, 0, 0, 0);
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
    }
}
