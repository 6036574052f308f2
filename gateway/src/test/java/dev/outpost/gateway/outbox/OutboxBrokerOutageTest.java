package dev.outpost.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.mqtt.Delivery;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttBridgeOptions;
import dev.outpost.gateway.mqtt.client.MqttClientOptions;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.mqtt.client.ReconnectingMqttClient;
import dev.outpost.gateway.testsupport.DurableSubscriber;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.time.GatewayClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox behind the MQTT bridge, against a real Mosquitto that is stopped while messages are in flight and
 * more keep coming: after it returns, a persistent subscriber has every message.
 */
class OutboxBrokerOutageTest {
    private static final int MESSAGES = 3_000;

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void messagesInFlightAndQueuedDuringAnOutageAllArrive(MqttProtocolVersion version, @TempDir Path dir)
            throws Exception {
        GatewayClock clock = GatewayClock.system();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (Mosquitto broker = Mosquitto.launchPersistent();
             Journal journal = Journal.open(JournalOptions.defaults(dir.resolve("journal.db")));
             DurableSubscriber subscriber = DurableSubscriber.connect(broker.url(), List.of("outpost/gw/m/#"))) {
            DurableOutbox outbox = DurableOutbox.open(journal, new OutboxLimits(100_000, Duration.ofHours(1), 500),
                    () -> clock.wallNow().toEpochMilli(), executor, alarm -> { });
            MqttBridge bridge = new MqttBridge(MqttBridgeOptions.defaults("outpost", "gw", "test"),
                    ReconnectingMqttClient.create(MqttClientOptions.defaults(broker.url(), version, "outbox-gw")
                            .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500)), clock), executor, clock,
                    outbox);
            bridge.start();
            for (int i = 0; i < MESSAGES; i++) {
                bridge.publish("m/" + i, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), false, 1,
                        Delivery.durable("e" + i));
                if (i == MESSAGES / 3) {
                    broker.stop();
                }
                if (i == 2 * MESSAGES / 3) {
                    broker.start();
                }
                if (i % 100 == 0) {
                    Thread.sleep(20); // a steady stream rather than one burst; bounded by the loop
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Set<String> topics = new HashSet<>();
            while (topics.size() < MESSAGES && System.nanoTime() < deadline) {
                topics.clear();
                subscriber.received().forEach(m -> topics.add(m.topic()));
                Thread.sleep(100);
            }
            System.out.printf("outbox outage (%s): sent %d, received %d distinct, %d deliveries, outbox %s%n",
                    version, MESSAGES, topics.size(), subscriber.received().size(), outbox.stats());
            assertEquals(MESSAGES, topics.size(), "every message arrived: " + outbox.stats());
            bridge.close();
        } finally {
            executor.shutdownNow();
        }
    }
}
