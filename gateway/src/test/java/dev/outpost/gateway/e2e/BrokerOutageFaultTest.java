package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.testsupport.DurableSubscriber;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test: the broker goes away for 30 s in the middle of a 2,702-unit muster. A platform subscribed with a
 * persistent session throughout must still get every ack and the result: compared against the simulator's ground
 * truth, nothing is lost.
 */
class BrokerOutageFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The district's defaults, except that nobody answers after the muster's windows: every reply must count. */
    static final BehaviourOptions PROMPT_OR_SILENT = new BehaviourOptions(0.97, 0.01, 0.0, Duration.ofSeconds(10),
            new DelayDistribution.Normal(Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(5)),
            new DelayDistribution.LogNormal(Duration.ofSeconds(3), 0.6, Duration.ofSeconds(30)));

    @Test
    void aThirtySecondBrokerOutageMidMusterLosesNoAck(@TempDir Path dir) throws Exception {
        try (Mosquitto broker = Mosquitto.launchPersistent();
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            String gatewayId = E2eWorld.newGatewayId();
            String base = "outpost/" + gatewayId;
            platform.subscribe(base + "/#");
            try (DurableSubscriber recorder = DurableSubscriber.connect(broker.url(),
                    List.of(base + "/muster/+/ack", base + "/muster/+/result"));
                 E2eWorld world = new E2eWorld(gatewayId, dir, broker.url(), "5",
                         TianheRegistryGenerator.generate(42), 7, PROMPT_OR_SILENT, 300)) {
                world.awaitReady(platform, LIMIT);
                platform.publish(base + "/request/muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\","
                        + "\"attempt_timeout_ms\":3000,\"retries\":0,\"deadline_ms\":15000,\"late_window_ms\":2000,"
                        + "\"transaction\":\"outage\"}");
                String musterId = JSON.readTree(platform.await(r -> r.topic().endsWith("/response/muster/start"), LIMIT)
                        .payload()).path("data").path("muster_id").asText();
                recorder.await(m -> m.topic().endsWith("/ack"), LIMIT);
                Thread.sleep(2_000); // into the muster's calling phase; bounded, this is the scenario's timing

                int before = recorder.received().size();
                broker.stop();
                Thread.sleep(OUTAGE.toMillis()); // the outage itself
                broker.start();

                DurableSubscriber.Message resultMessage = recorder.await(
                        m -> m.topic().equals(base + "/muster/" + musterId + "/result"), LIMIT);
                JsonNode result = JSON.readTree(resultMessage.text());
                Set<String> answered = answeredUnits(result);
                Set<String> replied = new TreeSet<>();
                world.simulator.groundTruth().entries(TruthEntry.ReplySent.class).forEach(r -> replied.add(r.unitId()));
                assertEquals(Set.of(), difference(replied, answered), "replies the report misses");
                assertEquals(Set.of(), difference(answered, replied), "acks the simulator never sent");

                awaitAcks(recorder, base + "/muster/" + musterId + "/ack", answered.size());
                List<String> ackUnits = recorder.received().stream()
                        .filter(m -> m.topic().equals(base + "/muster/" + musterId + "/ack"))
                        .map(m -> readUnit(m.text())).toList();
                Set<String> received = new HashSet<>(ackUnits);
                Set<String> lost = new TreeSet<>(answered);
                lost.removeAll(received);
                System.out.printf("broker outage %d s mid-muster: sent %d acks (%d delivered before the outage), "
                                + "received %d, lost %d, duplicates %d%n", OUTAGE.toSeconds(), answered.size(), before,
                        received.size(), lost.size(), ackUnits.size() - received.size());
                assertTrue(before < answered.size() / 2, "the outage began early in the muster: " + before);
                assertEquals(Set.of(), lost, "no ack is lost");
                assertTrue(received.containsAll(answered) && answered.containsAll(received));
            }
        }
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    static Set<String> answeredUnits(JsonNode result) {
        Set<String> out = new TreeSet<>();
        for (JsonNode row : result.path("rows")) {
            String outcome = row.path("outcome").asText();
            if (outcome.equals("acked") || outcome.equals("late")) {
                out.add(row.path("unit_id").asText());
            }
        }
        return out;
    }

    static String readUnit(String json) {
        try {
            return JSON.readTree(json).path("unit_id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("an ack message is not JSON: " + json, e);
        }
    }

    /** The result may overtake the last acks by a moment (they are published in order, but waited for here). */
    static void awaitAcks(DurableSubscriber recorder, String topic, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> units = new HashSet<>();
            recorder.received().stream().filter(m -> m.topic().equals(topic)).forEach(m -> units.add(readUnit(m.text())));
            if (units.size() >= expected) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
