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
            RunAndSimProcessesTest.Errors measured = muster(platform, world, "measured");
            String conditions = MachineLoad.now().since(before);
            System.out.println("latency accuracy, 1st muster after start: " + first);
            System.out.println("latency accuracy, 2nd muster:             " + second);
            System.out.println("latency accuracy, measured (3rd) muster:  " + measured);
            System.out.println("latency accuracy, during the measured muster: " + conditions);

            assertEquals(units.size(), measured.count(), "every unit acked and was compared with the truth");
            assertTrue(measured.median() < 1.0, "median absolute error under 1 ms: " + measured);
            // The goal is every unit within 5 ms. With Shenandoah (the launchers' and the build's collector) GC pauses
            // no longer reach it, but on a quiet 2-core box about one run in twelve still puts a unit just over 5 ms: a
            // thread that stamps waits for a core, or a safepoint takes a few ms to reach (docs/BENCHMARKS.md, "GC
            // pauses and the 5 ms goal"). So the 99th percentile is held to 5 ms and the maximum to a sanity bound.
            assertTrue(measured.p99() < 5.0, "99 % of units within 5 ms of the truth: " + measured);
            assertTrue(measured.max() < 25.0, "no unit far from the truth: " + measured);
            // The first muster after a start runs while the JIT compiles: bounded loosely, figures printed.
            assertTrue(first.p99() < 50.0, "even the first muster after start stays close: " + first);
        }
    }

    private static RunAndSimProcessesTest.Errors muster(MqttProbe platform, E2eWorld world, String transaction)
            throws Exception {
        platform.publish(world.base + "/request/muster/start",
                "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"transaction\":\"" + transaction + "\"}");
        MqttProbe.Received reply = platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                && r.text().contains("\"" + transaction + "\""), LIMIT);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText();
        JsonNode result = JSON.readTree(platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT).payload());
        return RunAndSimProcessesTest.Errors.of(result, world.trueDelaysNanos(musterId));
    }
}
