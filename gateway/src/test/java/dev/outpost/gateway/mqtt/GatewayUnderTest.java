package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.MqttClientOptions;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.mqtt.client.ReconnectingMqttClient;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A bridge on a real Paho client against a test broker, with fast reconnects, owning its executor. */
final class GatewayUnderTest implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mqtt-bridge-test"));
    final ReconnectingMqttClient client;
    final MqttBridge bridge;

    GatewayUnderTest(Mosquitto broker, MqttProtocolVersion version, MqttBridgeOptions options) {
        MqttClientOptions clientOptions = MqttClientOptions
                .defaults(broker.url(), version, "outpost-" + options.gatewayId())
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500));
        client = ReconnectingMqttClient.create(clientOptions, GatewayClock.system());
        bridge = new MqttBridge(options, client, executor, GatewayClock.system());
    }

    static MqttBridgeOptions options(String gatewayId) {
        return MqttBridgeOptions.defaults("outpost", gatewayId, "0.1.0-test");
    }

    GatewayUnderTest start() {
        bridge.start();
        return this;
    }

    /** Waits until the bridge's current connection number is at least {@code session}. */
    GatewayUnderTest awaitSession(int session) {
        awaitTrue(() -> bridge.stats().session() >= session && client.isConnected(),
                "connection " + session + " (now " + bridge.stats() + ")");
        return this;
    }

    /** Bounded polling for a condition owned by another thread; fails with what was awaited. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        bridge.close();
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("bridge executor did not stop");
        }
    }
}
