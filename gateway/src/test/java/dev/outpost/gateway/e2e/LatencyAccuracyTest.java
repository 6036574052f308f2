package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measured latency of every acked unit against the simulator's ground truth (what each unit
 * really took between hearing the call and answering it), over a real Mosquitto with a plain MQTT
 * client. The difference is loopback transport both ways plus thread scheduling.
 *
 * <p>Two musters warm the JVM first: a gateway runs for days, and only the first musters after a
 * start meet code that is not compiled yet. Their figures are printed too.
 */
class LatencyAccuracyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** A district-like pace: 2,702 units confirming over ten seconds is about 300 acks/s. */
    private static final int CALLS_PER_SECOND = 300;

    @Test
    void everyAckedUnitsLatencyMatchesTheGroundTruth(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(3, 600).stream()
                .map(u -> u.withLifecycle(Lifecycle.ACTIVE)).toList();
        BehaviourOptions everyonePrompt = new BehaviourOptions(1.0, 0.0, 0.0, Duration.ZERO,
                new DelayDistribution.Normal(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(20)),
                new DelayDistribution.Fixed(Duration.ofSeconds(1)));
        try (Mosquitto broker = Mosquitto.launch();
             E2eWorld world = new E2eWorld(E2eWorld.newGatewayId(), dir, broker.url(), "5", units, 9, everyonePrompt,
                     CALLS_PER_SECOND);
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            for (String topic : new String[] {"status", "link/+/state", "response/#", "muster/+/result"}) {
                platform.subscribe(world.base + "/" + topic);
            }
            world.awaitReady(platform, LIMIT);
            RunAndSimProcessesTest.Errors first = muster(platform, world, "warm-up-1");
            RunAndSimProcessesTest.Errors second = muster(platform, world, "warm-up-2");
            MachineLoad before = MachineLoad.now();
            long fromNanos = System.nanoTime();
            Instant fromWall = Instant.now();
            JsonNode result;
            List<StallMeter.Stall> stalls;
            String stallText;
            try (StallMeter meter = StallMeter.start()) {
                result = musterResult(platform, world, "measured");
                Instant to = Instant.now();
                // Only a meter pinned at real-time priority tells a CPU stall from its own wait for a core.
                stalls = meter.exact() ? meter.stallsBetween(fromWall, to) : List.of();
                stallText = meter.describe(fromWall, to);
            }
            RunAndSimProcessesTest.Errors measured = RunAndSimProcessesTest.Errors.of(result,
                    world.trueDelaysNanos(result.path("muster_id").asText()));
            Unexcused outsideStalls = Unexcused.of(result, world.truthInstants(result.path("muster_id").asText()),
                    fromNanos, fromWall, stalls);
            String conditions = MachineLoad.now().since(before) + "; " + stallText;
            System.out.println("latency accuracy, 1st muster after start: " + first);
            System.out.println("latency accuracy, 2nd muster:             " + second);
            System.out.println("latency accuracy, measured (3rd) muster:  " + measured);
            System.out.println("latency accuracy, during the measured muster: " + conditions);
            System.out.println("latency accuracy, stamping threads: " + world.stamping());

            assertEquals(units.size(), measured.count(), "every unit acked and was compared with the truth");
            assertTrue(measured.median() < 1.0, "median absolute error under 1 ms: " + measured);
            System.out.println("latency accuracy, outside CPU stalls: " + outsideStalls);
            // Every unit, whatever the priorities: at normal priority (not root, no rtprio limit) about one quiet run
            // in twelve puts a unit just over 5 ms, a stamping thread having waited for one of the two cores.
            assertTrue(measured.p99() < 5.0, "99 % of units within 5 ms of the truth: " + measured);
            assertTrue(measured.max() < 25.0, "no unit far from the truth: " + measured);
            if (world.stamping().allRealtime()) {
                // No stamp waits for a core behind other threads (docs/BENCHMARKS.md, "Real-time stamping threads":
                // max 1.2-1.3 ms with two CPU hogs on the box): every unit within 5 ms. But for one cause: this
                // machine is a VM whose CPUs the host takes away now and then (StallMeter); a unit whose call or
                // answer was in flight across such a stall is counted and printed, not held to 5 ms.
                assertTrue(outsideStalls.maxAbsMs() < 5.0, "every acked unit within 5 ms of the truth (outside CPU "
                        + "stalls): " + outsideStalls + "; all units: " + measured);
            }
            // The first muster after a start runs while the JIT compiles: bounded loosely, figures printed.
            assertTrue(first.p99() < 50.0, "even the first muster after start stays close: " + first);
        }
    }

    private static RunAndSimProcessesTest.Errors muster(MqttProbe platform, E2eWorld world, String transaction)
            throws Exception {
        JsonNode result = musterResult(platform, world, transaction);
        return RunAndSimProcessesTest.Errors.of(result, world.trueDelaysNanos(result.path("muster_id").asText()));
    }

    /**
     * The errors of the units whose call and answer legs no CPU stall overlapped. The call leg runs from the gateway's
     * send ({@code first_sent_at}) to the simulator hearing it, the answer leg from the simulator's reply to
     * {@code ack_at}; the simulator's monotonic stamps go on the wall clock through the muster's start.
     */
    record Unexcused(int excused, List<Double> absMs) {
        static Unexcused of(JsonNode result, java.util.Map<String, long[]> truth, long fromNanos, Instant fromWall,
                            List<StallMeter.Stall> stalls) {
            int excused = 0;
            List<Double> abs = new java.util.ArrayList<>();
            for (JsonNode row : result.path("rows")) {
                long[] heardAndSent = truth.get(row.path("unit_id").asText());
                if (!row.path("outcome").asText().equals("acked") || heardAndSent == null) {
                    continue;
                }
                Instant heard = fromWall.plusNanos(heardAndSent[0] - fromNanos);
                Instant replied = fromWall.plusNanos(heardAndSent[1] - fromNanos);
                boolean stalled = StallMeter.explains(stalls, Instant.parse(row.path("first_sent_at").asText()), heard)
                        || StallMeter.explains(stalls, replied, Instant.parse(row.path("ack_at").asText()));
                if (stalled) {
                    excused++;
                } else {
                    abs.add(Math.abs(row.path("latency_ms").asDouble() - (heardAndSent[1] - heardAndSent[0]) / 1e6));
                }
            }
            return new Unexcused(excused, abs);
        }

        double maxAbsMs() {
            return absMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d units, max |error| %.3f ms (%d units' legs overlapped a "
                    + "CPU stall)", absMs.size(), maxAbsMs(), excused);
        }
    }

    private static JsonNode musterResult(MqttProbe platform, E2eWorld world, String transaction) throws Exception {
        platform.publish(world.base + "/request/muster/start",
                "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"transaction\":\"" + transaction + "\"}");
        MqttProbe.Received reply = platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                && r.text().contains("\"" + transaction + "\""), LIMIT);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText();
        return JSON.readTree(platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT).payload());
    }
}
