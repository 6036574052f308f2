package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.DurableSubscriber;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.testsupport.OutpostProcess;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test: {@code outpost run} is SIGKILLed in the middle of a 2,702-unit muster and started again. Every ack it
 * had journaled is in the final report unchanged, and the muster resumes and completes with every ack that arrived
 * after the restart.
 */
class GatewayKillFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void aMusterSurvivesSigkillOfTheGateway(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.generate(42);
        E2eWorld.writeUnits(dir, units);
        Files.writeString(dir.resolve("hxt.token"), "e2e-token\n");
        String gatewayId = E2eWorld.newGatewayId();
        String base = "outpost/" + gatewayId;
        try (Mosquitto broker = Mosquitto.launch();
             RunningSimulator sim = Simulator.start(SimulatorOptions.defaults().withToken("e2e-token")
                     .withBehaviour(11, BrokerOutageFaultTest.PROMPT_OR_SILENT), units);
             MqttProbe platform = MqttProbe.connect(broker.url());
             DurableSubscriber recorder = DurableSubscriber.connect(broker.url(), List.of(base + "/muster/+/result"))) {
            // 100 calls a second: the muster needs about 27 s to call everyone, so however late the kill lands
            // (MQTT delivery can lag on a loaded box), most units are still to be called after the restart.
            E2eWorld.writeGatewayConfig(dir, gatewayId, broker.url(), "5", sim.hxtUri().toString(), 100);
            platform.subscribe(base + "/#");
            String musterId;
            Map<String, Long> journaled;
            try (OutpostProcess first = OutpostProcess.start(dir, "run", "--config", "gateway.yaml")) {
                platform.await(r -> r.topic().equals(base + "/link/poc/state") && r.text().contains("\"up\""), LIMIT);
                platform.publish(base + "/request/muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\","
                        + "\"attempt_timeout_ms\":2500,\"retries\":2,\"deadline_ms\":60000,\"late_window_ms\":2000,"
                        + "\"transaction\":\"kill\"}");
                musterId = JSON.readTree(platform.await(r -> r.topic().endsWith("/response/muster/start"), LIMIT)
                        .payload()).path("data").path("muster_id").asText();
                String ackTopic = base + "/muster/" + musterId + "/ack";
                platform.await(r -> r.topic().equals(ackTopic) && platform.receivedOn(ackTopic).size() >= 300, LIMIT);
                first.kill();
            }
            journaled = journaledAcks(dir.resolve("state/journal.db"), musterId);
            long restartedAt = System.nanoTime();

            try (OutpostProcess second = OutpostProcess.start(dir, "run", "--config", "gateway.yaml",
                    "--log-level", "info")) {
                second.awaitLine("resuming 1 muster", LIMIT);
                long resumedAt = System.nanoTime();
                JsonNode result = JSON.readTree(recorder.await(
                        m -> m.topic().equals(base + "/muster/" + musterId + "/result"), LIMIT).text());
                Map<String, JsonNode> rows = new HashMap<>();
                result.path("rows").forEach(r -> rows.put(r.path("unit_id").asText(), r));

                Set<String> lostJournaled = new TreeSet<>();
                journaled.forEach((unit, latencyNanos) -> {
                    JsonNode row = rows.get(unit);
                    if (row == null || !row.path("outcome").asText().equals("acked")
                            || Math.abs(row.path("latency_ms").asDouble() - latencyNanos / 1e6) > 0.001) {
                        lostJournaled.add(unit);
                    }
                });
                Set<String> afterRestart = new TreeSet<>();
                Set<String> unmatched = new TreeSet<>();
                for (TruthEntry.ReplySent reply : sim.groundTruth().entries(TruthEntry.ReplySent.class)) {
                    if (reply.sendMonoNanos() > resumedAt) {
                        afterRestart.add(reply.unitId());
                        JsonNode row = rows.get(reply.unitId());
                        if (row == null || !row.path("outcome").asText().equals("acked")) {
                            unmatched.add(reply.unitId());
                        }
                    }
                }
                long answered = rows.values().stream().filter(r -> r.path("outcome").asText().equals("acked")).count();
                System.out.printf("SIGKILL mid-muster: %d acks journaled before the kill, %d lost of them; "
                                + "%d replies after the restart, %d not matched; %d acked in all, restart took %d ms%n",
                        journaled.size(), lostJournaled.size(), afterRestart.size(), unmatched.size(), answered,
                        (resumedAt - restartedAt) / 1_000_000);
                assertTrue(journaled.size() >= 250, "the kill came mid-muster, after acks were journaled");
                assertEquals(Set.of(), lostJournaled, "every journaled ack is in the report, unchanged");
                assertTrue(afterRestart.size() > 100, "units answered after the restart: " + afterRestart.size());
                assertEquals(Set.of(), unmatched, "every ack that arrived after the restart was matched");
                assertEquals("finished", result.path("state").asText());
            }
        }
    }

    /** unit id → latency (ns) of the acks the killed gateway had committed to its journal. */
    private static Map<String, Long> journaledAcks(Path db, String musterId) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT unit_id, latency_ns FROM acks WHERE muster_id = '" + musterId + "'")) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }
}
