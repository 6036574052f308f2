package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.testsupport.OutpostProcess;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthrough as processes: {@code outpost sim} and {@code outpost run} started like a user
 * would, a real Mosquitto, and a plain MQTT client. Three musters run; every unit acks; both
 * processes stop cleanly on SIGTERM; the simulator's ground-truth file agrees with the reports.
 * The accuracy figures are printed (docs/BENCHMARKS.md); the tight accuracy bounds are asserted
 * by {@link LatencyAccuracyTest}, where fewer processes share the two cores.
 */
class RunAndSimProcessesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /**
     * A district-like pace: 2,702 units confirming over ten seconds is about 300 acks/s. The machine
     * that runs this has two cores shared by broker, simulator, gateway and test client.
     */
    private static final int CALLS_PER_SECOND = 300;

    @Test
    void musterAcrossRunAndSimProcessesAgreesWithTheGroundTruthFile(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(3, 600).stream()
                .map(u -> u.withLifecycle(Lifecycle.ACTIVE)).toList();
        E2eWorld.writeUnits(dir, units);
        Files.writeString(dir.resolve("hxt.token"), "accuracy-token\n");
        Files.writeString(dir.resolve("sim.yaml"), String.join("\n",
                "seed: 9",
                "hxt: { host: 127.0.0.1, port: 0, path: /hxt/v1, token: accuracy-token }",
                "units: { file: units.csv }",
                "behaviour:",
                "  online_fraction: 1.0",
                "  never_answer_fraction: 0.0",
                "  late_fraction: 0.0",
                "  auto: { distribution: normal, mean: 300ms, sd: 100ms, min: 20ms }",
                "ground_truth: { file: truth.jsonl }",
                ""));
        String gatewayId = E2eWorld.newGatewayId();
        String base = "outpost/" + gatewayId;
        List<Errors> musters = new ArrayList<>();
        try (Mosquitto broker = Mosquitto.launch();
             OutpostProcess sim = OutpostProcess.start(dir, "sim", "--config", "sim.yaml", "--log-level", "warn")) {
            String hxtUri = sim.awaitLine("PoC server at (ws://[^;\\s]+)", LIMIT);
            E2eWorld.writeGatewayConfig(dir, gatewayId, broker.url(), "5", hxtUri, CALLS_PER_SECOND);
            try (OutpostProcess gateway = OutpostProcess.start(dir, "run", "--config", "gateway.yaml");
                 MqttProbe platform = MqttProbe.connect(broker.url())) {
                for (String topic : new String[] {"status", "link/+/state", "response/#", "muster/+/result"}) {
                    platform.subscribe(base + "/" + topic);
                }
                platform.await(r -> r.topic().equals(base + "/status") && r.text().contains("\"online\""), LIMIT);
                platform.await(r -> r.topic().equals(base + "/link/poc/state") && r.text().contains("\"up\""), LIMIT);
                List<JsonNode> results = new ArrayList<>();
                for (String transaction : new String[] {"warm-up-1", "warm-up-2", "measured"}) {
                    results.add(muster(platform, base, transaction));
                }
                // A JVM ended by SIGTERM exits with 143 once its shutdown hooks have run (systemd: SuccessExitStatus=143).
                assertEquals(143, gateway.stop(Duration.ofSeconds(15)), "the gateway stops cleanly on SIGTERM");
                assertEquals(143, sim.stop(Duration.ofSeconds(15)), "the simulator stops cleanly and flushes its truth");
                Map<String, Map<String, Long>> truth = trueDelaysByMuster(dir.resolve("truth.jsonl"));
                for (JsonNode result : results) {
                    musters.add(Errors.of(result, truth.getOrDefault(result.path("muster_id").asText(), Map.of())));
                }
            }
        }
        System.out.println("processes, 1st muster after start: " + musters.get(0));
        System.out.println("processes, 2nd muster:             " + musters.get(1));
        System.out.println("processes, 3rd muster:             " + musters.get(2));
        for (Errors muster : musters) {
            assertEquals(units.size(), muster.count(), "every unit acked and is in the ground-truth file");
            // Separate processes on two shared cores: the tight bounds live in LatencyAccuracyTest.
            assertTrue(muster.median() < 5.0, "measured latency tracks the truth: " + muster);
        }
    }

    private static JsonNode muster(MqttProbe platform, String base, String transaction) throws Exception {
        platform.publish(base + "/request/muster/start",
                "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"transaction\":\"" + transaction + "\"}");
        MqttProbe.Received reply = platform.await(r -> r.topic().equals(base + "/response/muster/start")
                && r.text().contains("\"" + transaction + "\""), LIMIT);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText();
        return JSON.readTree(platform.awaitOn(base + "/muster/" + musterId + "/result", LIMIT).payload());
    }

    /** Muster id → unit → first reply sent minus first call heard, from the simulator's JSON Lines file. */
    private static Map<String, Map<String, Long>> trueDelaysByMuster(Path truthFile) throws Exception {
        Map<String, Long> firstHeard = new HashMap<>();
        Map<String, Long> firstReply = new HashMap<>();
        for (String line : Files.readAllLines(truthFile)) {
            JsonNode entry = JSON.readTree(line);
            String type = entry.path("type").asText();
            if (!type.equals("call") && !type.equals("reply")) {
                continue;
            }
            // Call ids are "<muster id>-<link>-a<attempt>-b<batch>"; the muster id ends before "-poc-".
            String callId = entry.path("call_id").asText();
            String key = callId.substring(0, callId.lastIndexOf("-poc-")) + "|" + entry.path("unit_id").asText();
            if (type.equals("call")) {
                firstHeard.merge(key, entry.path("recv_mono_ns").asLong(), Math::min);
            } else {
                firstReply.merge(key, entry.path("send_mono_ns").asLong(), Math::min);
            }
        }
        Map<String, Map<String, Long>> delays = new HashMap<>();
        firstReply.forEach((key, sent) -> {
            String[] parts = key.split("\\|", 2);
            delays.computeIfAbsent(parts[0], k -> new HashMap<>()).put(parts[1], sent - firstHeard.get(key));
        });
        return delays;
    }

    /** @param sortedSignedMs measured minus true latency: positive when the gateway measured longer */
    record Errors(List<Double> sortedAbsMs, List<Double> sortedSignedMs) {
        static Errors of(JsonNode result, Map<String, Long> truthNanos) {
            List<Double> errors = new ArrayList<>();
            List<Double> signed = new ArrayList<>();
            for (JsonNode row : result.path("rows")) {
                Long truth = truthNanos.get(row.path("unit_id").asText());
                if (row.path("outcome").asText().equals("acked") && truth != null) {
                    double error = row.path("latency_ms").asDouble() - truth / 1e6;
                    errors.add(Math.abs(error));
                    signed.add(error);
                }
            }
            errors.sort(Double::compare);
            signed.sort(Double::compare);
            return new Errors(errors, signed);
        }

        int count() {
            return sortedAbsMs.size();
        }

        double median() {
            return sortedAbsMs.isEmpty() ? Double.NaN : sortedAbsMs.get(sortedAbsMs.size() / 2);
        }

        double p99() {
            return sortedAbsMs.isEmpty() ? Double.NaN : sortedAbsMs.get((int) Math.ceil(0.99 * sortedAbsMs.size()) - 1);
        }

        double max() {
            return sortedAbsMs.isEmpty() ? Double.NaN : sortedAbsMs.get(sortedAbsMs.size() - 1);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d units, |error| median %.3f ms, p99 %.3f ms, max %.3f ms"
                    + " (measured - truth from %.3f to %.3f ms)", count(), median(), p99(), max(),
                    sortedSignedMs.isEmpty() ? Double.NaN : sortedSignedMs.get(0),
                    sortedSignedMs.isEmpty() ? Double.NaN : sortedSignedMs.get(sortedSignedMs.size() - 1));
        }
    }
}
