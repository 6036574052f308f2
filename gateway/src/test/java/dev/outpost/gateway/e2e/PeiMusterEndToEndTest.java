package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: a PEI poll muster (status polls) of 40 Tianhe units with ISSIs, from the simulated TETRA radio over a real
 * socat pty pair (and over the radio's TCP port) to Outpost to a real Mosquitto, latency held to the ground truth
 * with the serial byte time at 9600 baud 8N1 (1.0417 ms a byte) accounted for; and the same muster with the cable
 * pulled and put back in the middle.
 */
class PeiMusterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int UNITS = 40;
    private static final long BYTE_NANOS = 1_041_667L;

    @Test
    void pollMusterOverAPtyMatchesTheTruth(@TempDir Path dir) throws Exception {
        pollMusterMatchesTheTruth(dir, true);
    }

    @Test
    void pollMusterOverSerialOverTcpMatchesTheTruth(@TempDir Path dir) throws Exception {
        pollMusterMatchesTheTruth(dir, false);
    }

    private void pollMusterMatchesTheTruth(Path dir, boolean overPty) throws Exception {
        List<Unit> units = PeiE2eWorld.unitsWithIssis(42, UNITS);
        try (Mosquitto broker = Mosquitto.launch();
             PeiE2eWorld world = new PeiE2eWorld(dir, broker.url(), units, overPty);
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            subscribe(platform, world);
            world.awaitReady(platform, LIMIT);
            JsonNode result = awaitResult(platform, world, startMuster(platform, world, "pei-poll", 1_500, 1));

            Latency latency = Latency.of(result, world.truth.entries());
            System.out.printf(Locale.ROOT, "PEI poll muster over %s at %d baud 8N1 (byte time %.4f ms): %s; "
                    + "outcomes %s; duration %.0f ms%n", overPty ? "a socat pty" : "serial-over-TCP",
                    PeiE2eWorld.BAUD, BYTE_NANOS / 1e6, latency, outcomes(result), result.path("duration_ms")
                    .asDouble());
            int acked = result.path("summary").path("acked").asInt();
            long answering = units.stream().filter(u -> u.lifecycle().wireName().equals("active")).count();
            assertEquals(answering, acked, "every active unit answers: " + outcomes(result));
            assertEquals(acked, latency.errorsMs.size(), "every acked unit compared with the truth");
            assertTrue(latency.medianAbs() < 5.0, "median within 5 ms of truth + reply wire time: " + latency);
            assertTrue(latency.maxAbs() < 60.0, "no unit far from the truth: " + latency);
        }
    }

    @Test
    void unplugMidMusterReopensAndFinishes(@TempDir Path dir) throws Exception {
        List<Unit> units = PeiE2eWorld.unitsWithIssis(43, UNITS);
        try (Mosquitto broker = Mosquitto.launch();
             PeiE2eWorld world = new PeiE2eWorld(dir, broker.url(), units, true);
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            subscribe(platform, world);
            world.awaitReady(platform, LIMIT);
            String musterId = startMuster(platform, world, "pei-unplug", 1_000, 2);
            awaitTruth(world, 5);

            String linkTopic = world.base + "/link/" + PeiE2eWorld.LINK + "/state";
            world.pty.unplug();
            String down = awaitLinkState(platform, linkTopic, platform.receivedOn(linkTopic).size(), "down");
            Thread.sleep(1_500);
            int before = platform.receivedOn(linkTopic).size();
            world.pty.plugIn();
            long pluggedIn = System.nanoTime();
            awaitLinkState(platform, linkTopic, before, "up");
            double reopenMs = (System.nanoTime() - pluggedIn) / 1e6;
            System.out.println("PEI unplug: published " + down);

            JsonNode result = awaitResult(platform, world, musterId);
            Map<String, Integer> outcomes = outcomes(result);
            System.out.printf(Locale.ROOT, "PEI unplug: link up again %.0f ms after the pty returned; outcomes %s; "
                    + "reopens %d%n", reopenMs, outcomes, world.gateway.links().get(0).status().reconnects());
            assertTrue(reopenMs < 5_000, "reopened within 5 s: " + reopenMs);
            assertEquals(UNITS, result.path("rows").size());
            assertTrue(outcomes.getOrDefault("acked", 0) > UNITS / 2, "most units answered: " + outcomes);
            assertTrue(outcomes.keySet().stream().allMatch(o -> List.of("acked", "no_answer", "unreachable",
                    "late", "on_leave", "deactivated").contains(o)), "every unit reported: " + outcomes);
            platform.await(r -> r.topic().equals(world.base + "/status") && r.text().contains("\"online\""),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void aVoiceMusterCountsEachTalkerFromItsCtxgAsItsAck(@TempDir Path dir) throws Exception {
        List<Unit> units = PeiE2eWorld.unitsWithIssis(44, 8);
        try (Mosquitto broker = Mosquitto.launch();
             PeiE2eWorld world = new PeiE2eWorld(dir, broker.url(), units, false);
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            subscribe(platform, world);
            world.awaitReady(platform, LIMIT);
            platform.publish(world.base + "/request/muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"voice\","
                    + "\"attempt_timeout_ms\":16000,\"retries\":0,\"deadline_ms\":18000,\"late_window_ms\":0,"
                    + "\"transaction\":\"pei-voice\"}");
            JsonNode reply = JSON.readTree(platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                    && r.text().contains("pei-voice"), LIMIT).payload());
            assertEquals("ok", reply.path("status").asText(), reply.toString());
            String musterId = reply.path("data").path("muster_id").asText();
            // The link opens one voice call per unit at its pace (about 19 a second at 9600 baud): give the eight
            // calls time to open, then the dispatcher's roll call goes out on the talkgroup.
            Thread.sleep(1_000);
            world.radio.voiceRollCall("v1");
            JsonNode result = awaitResult(platform, world, musterId);

            java.util.Set<String> talkers = new java.util.TreeSet<>();
            world.truth.entries().stream().filter(e -> e instanceof TruthEntry.ReplySent r && r.callId().equals("v1"))
                    .forEach(e -> talkers.add(((TruthEntry.ReplySent) e).unitId()));
            java.util.Set<String> acked = new java.util.TreeSet<>();
            result.path("rows").forEach(row -> {
                if (row.path("outcome").asText().equals("acked")) {
                    acked.add(row.path("unit_id").asText());
                }
            });
            System.out.printf(Locale.ROOT, "PEI voice muster: %d talkers in the truth, %d acked, outcomes %s%n",
                    talkers.size(), acked.size(), outcomes(result));
            assertTrue(talkers.size() >= 4, "most units talk: " + talkers);
            assertEquals(talkers, acked, "every talker, and only talkers, acked: +CTXG's TPI names the unit");
        }
    }

    private static void subscribe(MqttProbe platform, PeiE2eWorld world) throws Exception {
        platform.subscribe(world.base + "/status").subscribe(world.base + "/response/#")
                .subscribe(world.base + "/muster/+/result").subscribe(world.base + "/link/+/state");
    }

    private static String startMuster(MqttProbe platform, PeiE2eWorld world, String transaction, long attemptMs,
            int retries) throws Exception {
        platform.publish(world.base + "/request/muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\","
                + "\"attempt_timeout_ms\":" + attemptMs + ",\"retries\":" + retries + ",\"deadline_ms\":50000,"
                + "\"late_window_ms\":0,\"transaction\":\"" + transaction + "\"}");
        MqttProbe.Received reply = platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                && r.text().contains(transaction), LIMIT);
        JsonNode json = JSON.readTree(reply.payload());
        assertEquals("ok", json.path("status").asText(), reply.text());
        return json.path("data").path("muster_id").asText();
    }

    private static JsonNode awaitResult(MqttProbe platform, PeiE2eWorld world, String musterId) throws Exception {
        JsonNode result = JSON.readTree(platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT)
                .payload());
        assertEquals("finished", result.path("state").asText());
        return result;
    }

    /** The first state message after the first {@code skip} on the topic that is {@code state}; bounded. */
    private static String awaitLinkState(MqttProbe platform, String topic, int skip, String state)
            throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            List<MqttProbe.Received> all = platform.receivedOn(topic);
            for (MqttProbe.Received r : all.subList(Math.min(skip, all.size()), all.size())) {
                if (r.text().contains("\"" + state + "\"")) {
                    return r.text();
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("link never " + state + ": " + platform.receivedOn(topic));
    }

    private static void awaitTruth(PeiE2eWorld world, int replies) throws InterruptedException {
        for (int i = 0; i < 200 && world.truth.entries(TruthEntry.ReplySent.class).size() < replies; i++) {
            Thread.sleep(50);
        }
    }

    private static Map<String, Integer> outcomes(JsonNode result) {
        Map<String, Integer> out = new TreeMap<>();
        result.path("rows").forEach(r -> out.merge(r.path("outcome").asText(), 1, Integer::sum));
        return out;
    }

    /**
     * Measured latency against the truth: the gateway has a unit's whole reply {@code wire_bytes x byte_ns} after its
     * first byte left the radio ({@code lastByteMonoNanos}), so expected = last byte - the instant the radio read the
     * poll's body. The gateway's send stamp is the body handed to its port writer; a pty does not pace the
     * gateway-to-radio direction, so the 5 body bytes' wire time (5.2 ms on a real 9600 baud line) is not in it.
     */
    record Latency(List<Double> errorsMs, double meanReplyWireMs) {
        static Latency of(JsonNode result, List<TruthEntry> truth) {
            Map<String, TruthEntry.ReplySent> first = new HashMap<>();
            for (TruthEntry e : truth) {
                if (e instanceof TruthEntry.ReplySent r) {
                    first.merge(r.unitId(), r, (a, b) -> a.recvMonoNanos() <= b.recvMonoNanos() ? a : b);
                }
            }
            List<Double> errors = new ArrayList<>();
            double wire = 0;
            for (JsonNode row : result.path("rows")) {
                TruthEntry.ReplySent reply = first.get(row.path("unit_id").asText());
                if (row.path("outcome").asText().equals("acked") && reply != null) {
                    long expected = reply.lastByteMonoNanos() - reply.recvMonoNanos();
                    errors.add(row.path("latency_ms").asDouble() - expected / 1e6);
                    wire += reply.wireBytes() * reply.byteNanos() / 1e6;
                }
            }
            errors.sort(Double::compare);
            return new Latency(errors, errors.isEmpty() ? 0 : wire / errors.size());
        }

        double medianAbs() {
            return errorsMs.stream().mapToDouble(Math::abs).sorted().skip(errorsMs.size() / 2).findFirst()
                    .orElse(Double.NaN);
        }

        double maxAbs() {
            return errorsMs.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            if (errorsMs.isEmpty()) {
                return "no acked units";
            }
            return String.format(Locale.ROOT, "%d acked; reply wire time (in the truth) mean %.1f ms; latency error "
                    + "(measured - (truth delay + reply wire time)) min %.2f ms, median %.2f ms, max %.2f ms",
                    errorsMs.size(), meanReplyWireMs, errorsMs.get(0), errorsMs.get(errorsMs.size() / 2),
                    errorsMs.get(errorsMs.size() - 1));
        }
    }
}
