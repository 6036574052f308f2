package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import dev.outpost.gateway.time.ManualClock;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bridge logic over an in-memory port: ordering on connect, the bounded queue, the will, shutdown. */
class MqttBridgeTest {
    private final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    private final FakeMqttPort port = new FakeMqttPort();
    private final MqttBridge bridge = new MqttBridge(
            MqttBridgeOptions.defaults("outpost", "gw1", "1.2.3").withQueueCapacity(2), port, unused,
            new ManualClock());

    @AfterEach
    void stop() {
        unused.shutdownNow();
    }

    private static JsonNode json(OutboundMessage message) throws IOException {
        return MqttJson.mapper().readTree(message.payload());
    }

    private static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onConnectStatusComesFirstThenInfoThenWhatWasQueued() throws IOException {
        bridge.setInfo(MqttJson.object().put("config_hash", "abc"));
        bridge.start();
        bridge.publish("unit/u1/event", text("{\"n\":1}"), false, 1);

        port.connect();

        List<String> topics = port.published.stream().map(OutboundMessage::topic).toList();
        assertEquals(List.of("outpost/gw1/status", "outpost/gw1/info", "outpost/gw1/unit/u1/event"), topics);
        OutboundMessage status = port.published.get(0);
        assertTrue(status.retained());
        assertEquals(1, status.qos());
        assertEquals("online", json(status).get("state").asText());
        assertEquals(1, json(status).get("session").asInt());
        assertEquals("1", status.userProperties().get("schema"));
        assertEquals(List.of("outpost/gw1/request/#"), port.subscriptions);
    }

    @Test
    void everyReconnectRepublishesStatusWithTheNewSessionAndResubscribes() throws IOException {
        bridge.start();
        port.connect();
        port.drop();
        port.connect();

        OutboundMessage last = port.published.get(port.published.size() - 1);
        assertEquals(2, json(last).get("session").asInt());
        assertEquals(2, port.subscriptions.size());
        assertEquals(2, bridge.stats().session());
    }

    @Test
    void theWillIsTheOfflineStatusOfTheConnectionAboutToBeMade() throws IOException {
        bridge.start();
        OutboundMessage will = port.listener.willFor(3).orElseThrow();
        assertEquals("outpost/gw1/status", will.topic());
        assertTrue(will.retained());
        assertEquals("offline", json(will).get("state").asText());
        assertEquals(3, json(will).get("session").asInt());
    }

    @Test
    void aFullQueueDropsTheOldestQos0MessageAndCountsIt() {
        bridge.start();
        CompletableFuture<Void> lossy = bridge.publish("unit/u1/event", text("{}"), false, 0);
        CompletableFuture<Void> kept = bridge.publish("unit/u2/event", text("{}"), false, 1);
        bridge.publish("unit/u3/event", text("{}"), false, 1);

        assertTrue(lossy.isCompletedExceptionally());
        assertEquals(1, bridge.stats().dropped());
        assertEquals(2, bridge.stats().queued());

        port.connect();
        assertTrue(kept.isDone() && !kept.isCompletedExceptionally());
        assertEquals(0, bridge.stats().queued());
    }

    @Test
    void aLongBacklogFlushesInOrderWithoutDeepRecursion() {
        MqttBridge big = new MqttBridge(MqttBridgeOptions.defaults("outpost", "gw1", "1.2.3"), port, unused,
                new ManualClock());
        big.start();
        for (int i = 0; i < 5_000; i++) {
            big.publish("unit/u" + i + "/event", text("{}"), false, 1);
        }

        port.connect();

        assertEquals(0, big.stats().queued());
        assertEquals(5_000, big.stats().delivered());
        assertEquals("outpost/gw1/unit/u4999/event", port.published.get(port.published.size() - 1).topic());
    }

    @Test
    void aTopicSuffixWithWildcardsIsRefused() {
        assertTrue(bridge.publish("unit/+/event", text("{}"), false, 1).isCompletedExceptionally());
        assertTrue(bridge.publish("/abs", text("{}"), false, 1).isCompletedExceptionally());
    }

    @Test
    void cleanShutdownPublishesOfflineBeforeDisconnecting() throws IOException {
        bridge.start();
        port.connect();

        bridge.close();

        OutboundMessage last = port.published.get(port.published.size() - 1);
        assertEquals("offline", json(last).get("state").asText());
        assertTrue(last.retained());
        assertTrue(port.closed);
    }
}
