package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "a scheduled muster fires within its jitter window ... in a short real run": a gateway with a routine
 * schedule ({@code * * * * *}, jitter 2 s) on real threads, a real Mosquitto and the simulator, in real time. Its wall
 * clock runs a fixed offset ahead so that the next cron minute comes 8 s after the test begins (the broker, simulator
 * and gateway start within that) instead of up to a minute later;
 * time passes for real (monotonic time is the machine's), only the minute's label is moved.
 */
class RoutineScheduleRealRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration JITTER = Duration.ofSeconds(2);
    /** Timers fire on a real scheduler thread: allowed lateness beyond the jitter bound. */
    private static final Duration TIMER_SLACK = Duration.ofMillis(500);

    @Test
    void aRoutineMusterStartsWithinItsJitterWindowAfterItsCronMinute(@TempDir Path dir) throws Exception {
        Instant realNow = Instant.now();
        Instant minute = realNow.truncatedTo(ChronoUnit.MINUTES).plus(10, ChronoUnit.MINUTES);
        Duration ahead = Duration.between(realNow, minute.minusSeconds(8));
        GatewayClock shifted = new GatewayClock() {
            @Override
            public long monotonicNanos() {
                return System.nanoTime();
            }

            @Override
            public Instant wallNow() {
                return Instant.now().plus(ahead);
            }
        };
        String schedules = String.join("\n",
                "schedules:",
                "  - id: routine-shipai",
                "    cron: \"* * * * *\"",
                "    jitter: " + JITTER.toSeconds() + "s",
                "    scope: { type: street, street: Shipai }",
                "    method: poll",
                "    label: routine drill",
                "");
        BehaviourOptions prompt = new BehaviourOptions(1.0, 0, 0, Duration.ofSeconds(5),
                new DelayDistribution.Normal(Duration.ofMillis(150), Duration.ofMillis(60), Duration.ofMillis(10)),
                new DelayDistribution.Fixed(Duration.ofSeconds(1)));
        try (Mosquitto broker = Mosquitto.launch();
             E2eWorld world = new E2eWorld(E2eWorld.newGatewayId(), dir, broker.url(), "5",
                     StreetGroupMusterEndToEndTest.units(), 5, prompt, 1000, schedules, shifted);
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            for (String topic : new String[] {"status", "link/+/state", "info", "muster/+/result"}) {
                platform.subscribe(world.base + "/" + topic);
            }
            world.awaitReady(platform, LIMIT);
            JsonNode info = JSON.readTree(platform.awaitOn(world.base + "/info", LIMIT).payload());
            assertTrue(info.toString().contains("routine-shipai"), "info lists the schedule: " + info);

            JsonNode result = JSON.readTree(platform.await(r -> r.topic().startsWith(world.base + "/muster/")
                    && r.topic().endsWith("/result") && r.text().contains("routine drill"), LIMIT).payload());
            Instant startedAt = Instant.parse(result.path("started_at").asText());
            System.out.printf("routine muster: cron minute %s, started %s (%d ms after the minute, jitter bound %d ms)%n",
                    minute, startedAt, Duration.between(minute, startedAt).toMillis(), JITTER.toMillis());
            assertTrue(!startedAt.isBefore(minute), "not before its cron minute: " + startedAt);
            assertTrue(startedAt.isBefore(minute.plus(JITTER).plus(TIMER_SLACK)),
                    "within the jitter window: " + startedAt + " for the minute " + minute);
            assertEquals("street:Shipai", result.path("scope").asText());
            assertEquals(StreetGroupMusterEndToEndTest.SHIPAI, result.path("summary").path("acked").asInt(),
                    result.path("summary").toString());
        }
    }
}
