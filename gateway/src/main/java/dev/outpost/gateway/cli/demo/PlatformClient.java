package dev.outpost.gateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.client.ConnectionEvent;
import dev.outpost.gateway.mqtt.client.InboundMessage;
import dev.outpost.gateway.mqtt.client.MqttClientOptions;
import dev.outpost.gateway.mqtt.client.MqttPortListener;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import dev.outpost.gateway.mqtt.client.ReconnectingMqttClient;
import dev.outpost.gateway.time.GatewayClock;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's stand-in for a command platform: a plain MQTT client that watches the gateway's topics
 * and sends requests, exactly as an external consumer would (it shares no state with the gateway).
 */
public final class PlatformClient implements AutoCloseable {
    /** One message of interest, in arrival order. */
    public record Seen(String topic, JsonNode payload) {
    }

    private final ReconnectingMqttClient client;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "demo-platform"));
    private final LinkedBlockingQueue<Seen> inbox = new LinkedBlockingQueue<>(100_000);
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final String base;

    public PlatformClient(String brokerUrl, MqttProtocolVersion version, String base, GatewayClock clock) {
        this.base = base;
        this.client = ReconnectingMqttClient.create(
                MqttClientOptions.defaults(brokerUrl, version, "outpost-demo-platform-" + ProcessHandle.current().pid()),
                clock);
    }

    public void connect(long timeoutMillis) throws Exception {
        connect(timeoutMillis, "link/+/state", "muster/+/state", "muster/+/result", "response/#");
    }

    /** Connects and subscribes to these topics under the gateway's base. */
    public void connect(long timeoutMillis, String... suffixes) throws Exception {
        client.start(new MqttPortListener() {
            @Override
            public void onMessage(InboundMessage message) {
                try {
                    inbox.offer(new Seen(message.topic(), MqttJson.mapper().readTree(message.payload())));
                } catch (IOException e) {
                    inbox.offer(new Seen(message.topic(), MqttJson.object().put("unparsable", true)));
                }
            }

            @Override
            public void onConnectionEvent(ConnectionEvent event) {
                if (event instanceof ConnectionEvent.Connected) {
                    connected.complete(null);
                }
            }
        }, executor);
        connected.get(timeoutMillis, TimeUnit.MILLISECONDS);
        for (String suffix : suffixes) {
            client.subscribe(base + "/" + suffix, 1).get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    public void request(String action, ObjectNode body) throws Exception {
        client.publish(new OutboundMessage(base + "/request/" + action, MqttJson.bytes(body), 1, false,
                Optional.empty(), Map.of())).get(10, TimeUnit.SECONDS);
    }

    /** The next message, or a timeout naming what was awaited. */
    public Seen next(long timeoutMillis, String waitingFor) throws InterruptedException, TimeoutException {
        Seen seen = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (seen == null) {
            throw new TimeoutException("no MQTT message for " + timeoutMillis + " ms while waiting for " + waitingFor);
        }
        return seen;
    }

    public String base() {
        return base;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // closing a demo client; nothing to save
        }
        executor.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
