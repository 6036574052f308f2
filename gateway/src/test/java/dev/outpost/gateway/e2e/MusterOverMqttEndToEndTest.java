package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.Answering;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole path with real parts: a plain MQTT client asks a real Mosquitto for {@code muster/start};
 * the gateway (started from config files like {@code outpost run}) calls the simulated PoC units
 * ({@code outpost sim}'s server) and publishes the reply, every ack and the retained result.
 * Every unit's outcome is checked against what the simulator decided that unit would do.
 */
class MusterOverMqttEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.launch();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    static BehaviourOptions behaviour() {
        // Late units answer 3.5 s after the call: after their last attempt ends (2 x 1.5 s), inside the 2 s late window.
        return new BehaviourOptions(0.95, 0.05, 0.05, Duration.ofMillis(3500),
                new DelayDistribution.Normal(Duration.ofMillis(150), Duration.ofMillis(50), Duration.ofMillis(10)),
                new DelayDistribution.Fixed(Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "gateway on MQTT {0}")
    @ValueSource(strings = {"5", "3.1.1"})
    void aMusterRequestedOverMqttIsAnsweredAckedAndReported(String mqttVersion, @TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(11, 300);
        try (E2eWorld world = new E2eWorld(dir, broker.url(), mqttVersion, units, 5, behaviour());
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            String base = world.base;
            platform.subscribe(base + "/#").subscribe("platform/replies");
            world.awaitReady(platform, LIMIT);

            String body = "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"label\":\"e2e\",\"transaction\":\"t-1\"}";
            byte[] correlation = "corr-1".getBytes(StandardCharsets.UTF_8);
            String replyTopic;
            if (mqttVersion.equals("5")) {
                platform.request(base + "/request/muster/start", body, "platform/replies", correlation);
                replyTopic = "platform/replies";
            } else {
                platform.publish(base + "/request/muster/start", body);
                replyTopic = base + "/response/muster/start";
            }
            MqttProbe.Received reply = platform.awaitOn(replyTopic, LIMIT);
            JsonNode replyJson = JSON.readTree(reply.payload());
            assertEquals("ok", replyJson.path("status").asText(), reply.text());
            assertEquals("t-1", replyJson.path("transaction").asText());
            if (mqttVersion.equals("5")) {
                assertArrayEquals(correlation, reply.correlationData().orElseThrow(), "correlation data is echoed");
            }
            String musterId = replyJson.path("data").path("muster_id").asText();
            assertEquals(units.size(), replyJson.path("data").path("targeted").asInt());

            MqttProbe.Received resultMessage = platform.awaitOn(base + "/muster/" + musterId + "/result", LIMIT);
            JsonNode result = JSON.readTree(resultMessage.payload());
            assertEquals("finished", result.path("state").asText());

            Map<String, String> expected = expectedOutcomes(world);
            Map<String, String> actual = new HashMap<>();
            result.path("rows").forEach(row -> actual.put(row.path("unit_id").asText(), row.path("outcome").asText()));
            assertEquals(expected, actual, "every unit's outcome follows what the simulator made it do");

            JsonNode summary = result.path("summary");
            int answered = summary.path("acked").asInt() + summary.path("late").asInt();
            assertTrue(summary.path("acked").asInt() > 200, "most units ack: " + summary);
            assertTrue(summary.path("late").asInt() > 0 && summary.path("no_answer").asInt() > 0, summary.toString());

            List<MqttProbe.Received> acks = platform.receivedOn(base + "/muster/" + musterId + "/ack");
            Set<String> ackedUnits = new HashSet<>();
            for (MqttProbe.Received ack : acks) {
                ackedUnits.add(JSON.readTree(ack.payload()).path("unit_id").asText());
            }
            assertEquals(answered, acks.size(), "one ack message per answering unit");
            assertEquals(answered, ackedUnits.size());

            try (MqttProbe latecomer = MqttProbe.connect(broker.url())) {
                latecomer.subscribe(base + "/muster/" + musterId + "/result");
                MqttProbe.Received retained = latecomer.awaitOn(base + "/muster/" + musterId + "/result", LIMIT);
                assertTrue(retained.retained(), "the result is retained for consumers that join later");
                assertEquals(musterId, JSON.readTree(retained.payload()).path("muster_id").asText());
            }
            assertFalse(platform.receivedOn(base + "/info").isEmpty(), "info is published");

            // health says whether the timestamping threads got real-time priority, as the gateway itself counts it
            platform.publish(base + "/request/health", "{\"transaction\":\"h1\"}");
            JsonNode timing = JSON.readTree(platform.await(r -> r.topic().equals(base + "/response/health")
                    && r.text().contains("\"h1\""), LIMIT).payload()).path("data").path("timing");
            assertEquals("auto", timing.path("realtime").asText(), timing.toString());
            assertEquals(world.gateway.timing().raised(), timing.path("threads_raised").asInt(), timing.toString());
            assertEquals(world.gateway.timing().refused(), timing.path("threads_refused").asInt(), timing.toString());
            assertEquals(1, timing.path("threads_raised").asInt() + timing.path("threads_refused").asInt(),
                    "one network thread, raised or refused: " + timing);
        }
    }

    /** What the report must say for each unit, from the simulator's own record of who it made answer how. */
    static Map<String, String> expectedOutcomes(E2eWorld world) {
        Map<String, String> expected = new HashMap<>();
        for (Unit unit : world.units) {
            String outcome;
            if (unit.lifecycle() == Lifecycle.ON_LEAVE) {
                outcome = "on_leave";
            } else if (unit.lifecycle() == Lifecycle.DEACTIVATED) {
                outcome = "deactivated";
            } else {
                UnitBehaviour b = world.simulator.behaviour().byUser(unit.pocUser()).orElseThrow();
                if (!b.online()) {
                    outcome = "unreachable";
                } else if (b.answering() == Answering.NEVER) {
                    outcome = "no_answer";
                } else if (b.answering() == Answering.LATE) {
                    outcome = "late";
                } else {
                    outcome = "acked";
                }
            }
            expected.put(unit.unitId(), outcome);
        }
        return expected;
    }
}
