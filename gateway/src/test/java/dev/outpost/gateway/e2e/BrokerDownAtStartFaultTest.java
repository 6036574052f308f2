package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.testsupport.DurableSubscriber;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tests where the broker is missing: the gateway starts without it and buffers; and a buffer that overflows
 * its cap applies the stated policy (evict the oldest), raises the alarm, and keeps running.
 */
class BrokerDownAtStartFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aGatewayStartedWithoutABrokerBuffersAndDeliversWhenItComesUp(@TempDir Path dir) throws Exception {
        Scenario s = new Scenario(dir, 200, "");
        try (Mosquitto broker = s.broker; DurableSubscriber platform = s.platform; E2eWorld world = s.world) {
            s.awaitLinkUp();
            List<String> sent = s.emitSos(200);
            Thread.sleep(1_000); // the events are in the gateway by now, with nowhere to go
            assertTrue(world.gateway.links().stream().allMatch(l -> l.status().state() == LinkState.UP),
                    "the gateway runs without a broker");

            broker.start();
            platform.await(m -> m.topic().equals(world.base + "/status") && m.text().contains("\"online\""), LIMIT);
            platform.await(m -> m.topic().equals(world.base + "/link/poc/state") && m.text().contains("\"up\""),
                    LIMIT);
            List<String> received = s.awaitSos(sent.size());
            Set<String> distinct = new HashSet<>(received);
            Set<String> lost = new TreeSet<>(sent);
            lost.removeAll(distinct);
            System.out.printf("broker down at start: sent %d SOS events, received %d, lost %d, duplicates %d%n",
                    sent.size(), distinct.size(), lost.size(), received.size() - distinct.size());
            assertEquals(Set.of(), lost);
        }
    }

    @Test
    void aFullOutboxEvictsTheOldestRaisesTheAlarmAndKeepsRunning(@TempDir Path dir) throws Exception {
        int cap = 50;
        Scenario s = new Scenario(dir, 300, "outbox: { max_messages: " + cap + " }\n");
        try (Mosquitto broker = s.broker; DurableSubscriber platform = s.platform; E2eWorld world = s.world) {
            s.awaitLinkUp();
            List<String> sent = s.emitSos(300);
            Thread.sleep(1_000); // let the gateway take them all in while the broker is away

            broker.start();
            DurableSubscriber.Message raised = platform.await(m -> m.topic().equals(world.base + "/alarm/outbox")
                    && m.text().contains("\"raised\""), LIMIT);
            List<String> received = s.awaitSos(cap);
            JsonNode alarm = JSON.readTree(raised.text());
            Set<String> distinct = new HashSet<>(received);
            System.out.printf("outbox full (cap %d): sent %d SOS events, received %d, evicted %d (alarm: %s), "
                            + "duplicates %d%n", cap, sent.size(), distinct.size(), sent.size() - distinct.size(),
                    alarm.path("reason").asText(), received.size() - distinct.size());
            assertEquals(new HashSet<>(sent.subList(sent.size() - cap, sent.size())), distinct,
                    "the newest " + cap + " were kept, the oldest evicted");
            platform.await(m -> m.topic().equals(world.base + "/alarm/outbox") && m.text().contains("\"cleared\""),
                    LIMIT);
            assertTrue(world.gateway.links().stream().allMatch(l -> l.status().state() == LinkState.UP),
                    "the gateway is still running");
        }
    }

    /** A broker that has been up once (so the platform's session exists) and is down when the gateway starts. */
    private static final class Scenario {
        final Mosquitto broker;
        final DurableSubscriber platform;
        final E2eWorld world;

        Scenario(Path dir, int unitCount, String extraYaml) throws Exception {
            broker = Mosquitto.launchPersistent();
            String gatewayId = E2eWorld.newGatewayId();
            platform = DurableSubscriber.connect(broker.url(), List.of("outpost/" + gatewayId + "/#"));
            broker.stop();
            world = new E2eWorld(gatewayId, dir, broker.url(), "5", TianheRegistryGenerator.scale(5, unitCount), 3,
                    BehaviourOptions.allPrompt(Duration.ofMillis(20), Duration.ofMillis(20)), 500, extraYaml);
        }

        void awaitLinkUp() throws InterruptedException {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            for (Link link : world.gateway.links()) {
                while (link.status().state() != LinkState.UP) {
                    assertTrue(System.nanoTime() < deadline, "link up within " + LIMIT);
                    Thread.sleep(20);
                }
            }
        }

        /** One SOS per unit, in unit order; returns their unit ids in that order. */
        List<String> emitSos(int count) {
            List<String> sent = new ArrayList<>();
            for (Unit unit : world.units.subList(0, count)) {
                assertEquals(1, world.simulator.emit(new HxtEvent.Sos(unit.pocUser(), 23.13, 113.32)));
                sent.add(unit.unitId());
            }
            return sent;
        }

        /** Unit ids of the SOS events received, once at least {@code expected} distinct ones came (bounded). */
        List<String> awaitSos(int expected) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (true) {
                List<String> units = new ArrayList<>();
                for (DurableSubscriber.Message m : platform.received()) {
                    if (m.topic().endsWith("/event") && m.text().contains("\"sos\"")) {
                        units.add(JSON.readTree(m.text()).path("unit_id").asText());
                    }
                }
                if (new HashSet<>(units).size() >= expected || System.nanoTime() > deadline) {
                    return units;
                }
                Thread.sleep(100);
            }
        }
    }
}
