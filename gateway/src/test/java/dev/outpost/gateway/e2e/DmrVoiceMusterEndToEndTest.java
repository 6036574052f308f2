package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Voice": a voice muster of 30 units on one talkgroup, over two simulated base stations (four slots) and a
 * real Mosquitto. The dispatcher speaks on every slot of the talkgroup; the radios key up to answer, crowding the slots
 * so that some find them busy and some collide (both say it again after a random back-off, or give up). Every acked
 * unit's ack must be its own first clean key-up in the simulator's truth (by radio id), T0 the dispatcher's PTT end,
 * and a unit whose replies all collided or gave up a miss, never someone else's key-up.
 */
class DmrVoiceMusterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int TALKGROUP = 46_001;
    private static final long ATTEMPT_TIMEOUT_MS = 8_000;
    /** Measured latency against truth: the tail bound on a shared, loaded build box (see DmrPollMusterEndToEndTest). */
    private static final double MAX_ERROR_MS = 100.0;

    static List<Unit> thirtyUnits() {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            units.add(new Unit(String.format(Locale.ROOT, "V-%02d", i), "Voice unit " + i, UnitClass.B,
                    "Street " + (i % 2), null, null, 4_610_000 + i, null, null, null, Lifecycle.ACTIVE, 2));
        }
        return units;
    }

    /** Replies 1.2 s (sd 0.5 s) after the call, 450 ms on air, trying again after ~1.2 s, three times at most. */
    static DmrRadioBehaviour crowdedAir() {
        DelayDistribution aboutASecond = new DelayDistribution.Normal(Duration.ofMillis(1200), Duration.ofMillis(500),
                Duration.ofMillis(300));
        return new DmrRadioBehaviour(0.0, 0.1, aboutASecond, new DelayDistribution.Fixed(Duration.ofMillis(300)),
                aboutASecond, 3);
    }

    @Test
    void everyAckIsTheUnitsOwnKeyUpAfterTheDispatchersEnd(@TempDir Path dir) throws Exception {
        List<Unit> units = thirtyUnits();
        try (Mosquitto broker = Mosquitto.launch();
             DmrE2eWorld world = new DmrE2eWorld(dir, broker.url(), units, 2, 11,
                     BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofSeconds(2)), crowdedAir(),
                     TALKGROUP, "");
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            platform.subscribe(world.base + "/status").subscribe(world.base + "/response/#")
                    .subscribe(world.base + "/muster/+/result").subscribe(world.base + "/unit/+/event");
            platform.await(r -> r.topic().equals(world.base + "/status") && r.text().contains("\"online\""), LIMIT);
            world.awaitStations(LIMIT);

            platform.publish(world.base + "/request/muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"voice\","
                    + "\"talkgroup\":" + TALKGROUP + ",\"attempt_timeout_ms\":" + ATTEMPT_TIMEOUT_MS + ",\"retries\":0,"
                    + "\"deadline_ms\":12000,\"late_window_ms\":0,\"transaction\":\"voice\"}");
            MqttProbe.Received reply = platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                    && r.text().contains("\"voice\""), LIMIT);
            JsonNode replyJson = JSON.readTree(reply.payload());
            assertEquals("ok", replyJson.path("status").asText(), reply.text());
            assertEquals(4, world.sim.dispatch(DmrE2eWorld.DISPATCHER, TALKGROUP, 1), "the talkgroup's four slots");
            String musterId = replyJson.path("data").path("muster_id").asText();
            JsonNode result = JSON.readTree(platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT)
                    .payload());
            assertEquals("finished", result.path("state").asText());

            Instant t0 = firstDispatcherEnd(platform, world);
            Truth truth = Truth.of(world.truth.entries());
            int acked = 0;
            List<Double> errors = new ArrayList<>();
            for (JsonNode row : result.path("rows")) {
                String unit = row.path("unit_id").asText();
                String outcome = row.path("outcome").asText();
                assertEquals(t0, Instant.parse(row.path("first_sent_at").asText()), "T0 is the dispatcher's end");
                TruthEntry.DmrReplied keyUp = truth.firstKeyUp.get(unit);
                if (outcome.equals("acked")) {
                    acked++;
                    assertNotNull(keyUp, unit + " is acked, so its radio keyed up cleanly: " + row);
                    assertEquals(firstKeyUpEvent(platform, world, unit, t0), Instant.parse(row.path("ack_at")
                            .asText()), unit + "'s ack is its own first key-up after T0");
                    double expected = (keyUp.sentMonoNanos() - truth.dispatcherEndNanos) / 1e6;
                    errors.add(row.path("latency_ms").asDouble() - expected);
                } else {
                    assertEquals("no_answer", outcome, row.toString());
                    assertTrue(keyUp == null || (keyUp.sentMonoNanos() - truth.dispatcherEndNanos) / 1e6
                            > ATTEMPT_TIMEOUT_MS - MAX_ERROR_MS, unit + " keyed up in time and was missed: " + row);
                }
            }
            errors.sort(Double::compare);
            System.out.printf(Locale.ROOT, "DMR voice muster: %d of 30 acked; %d collided, %d gave up; latency error "
                    + "(measured - truth) min %.2f ms, median %.2f ms, max %.2f ms%n", acked, truth.collided.size(),
                    truth.gaveUp.size(), errors.get(0), errors.get(errors.size() / 2), errors.get(errors.size() - 1));

            assertTrue(acked >= 20, "most units answer: " + result.path("summary"));
            assertTrue(!truth.collided.isEmpty(), "the crowded slots saw collisions");
            assertTrue(errors.stream().allMatch(e -> Math.abs(e) < MAX_ERROR_MS), "latencies near truth: " + errors);
            assertTrue(errors.stream().filter(e -> Math.abs(e) <= 5.0).count() >= 0.9 * errors.size(),
                    "90 % within 5 ms of truth: " + errors);
            for (String unit : truth.collided) {
                JsonNode row = rowOf(result, unit);
                if (row.path("outcome").asText().equals("acked")) {
                    assertTrue(truth.firstKeyUp.get(unit).airStartMonoNanos() > truth.firstCollision.get(unit),
                            unit + " collided, so its ack is a later, clean key-up: " + row);
                }
            }
        }
    }

    /** The first PTT end of the dispatcher's radio the gateway published (it is no unit: unit/unknown/event). */
    private static Instant firstDispatcherEnd(MqttProbe platform, DmrE2eWorld world) throws Exception {
        for (MqttProbe.Received r : platform.receivedOn(world.base + "/unit/unknown/event")) {
            JsonNode e = JSON.readTree(r.payload());
            if (e.path("type").asText().equals("ptt_end")
                    && e.path("address").asText().equals(Integer.toString(DmrE2eWorld.DISPATCHER))) {
                return Instant.parse(e.path("ts").asText());
            }
        }
        throw new AssertionError("the gateway published no PTT end of the dispatcher");
    }

    private static Instant firstKeyUpEvent(MqttProbe platform, DmrE2eWorld world, String unit, Instant t0)
            throws Exception {
        for (MqttProbe.Received r : platform.receivedOn(world.base + "/unit/" + unit + "/event")) {
            JsonNode e = JSON.readTree(r.payload());
            Instant ts = Instant.parse(e.path("ts").asText());
            if (e.path("type").asText().equals("ptt_start") && e.path("channel").asText().equals("tg:" + TALKGROUP)
                    && !ts.isBefore(t0)) {
                return ts;
            }
        }
        throw new AssertionError(unit + " has no key-up event after T0");
    }

    private static JsonNode rowOf(JsonNode result, String unit) {
        for (JsonNode row : result.path("rows")) {
            if (row.path("unit_id").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit);
    }

    /** What really happened on the air. */
    record Truth(long dispatcherEndNanos, Map<String, TruthEntry.DmrReplied> firstKeyUp,
                 Map<String, Long> firstCollision, Set<String> collided, Set<String> gaveUp) {
        static Truth of(List<TruthEntry> entries) {
            long dispatcherEnd = Long.MAX_VALUE;
            Map<String, TruthEntry.DmrReplied> firstKeyUp = new HashMap<>();
            Map<String, Long> firstCollision = new HashMap<>();
            Set<String> gaveUp = new HashSet<>();
            for (TruthEntry e : entries) {
                if (e instanceof TruthEntry.DmrKeyUp k && k.kind().equals("dispatcher")) {
                    dispatcherEnd = Math.min(dispatcherEnd, k.airEndMonoNanos());
                } else if (e instanceof TruthEntry.DmrKeyUp k && k.outcome().equals("gave_up")) {
                    gaveUp.add(k.unitId());
                } else if (e instanceof TruthEntry.DmrReplied r && r.kind().equals("voice")) {
                    firstKeyUp.merge(r.unitId(), r, (a, b) -> a.sentMonoNanos() <= b.sentMonoNanos() ? a : b);
                } else if (e instanceof TruthEntry.DmrCollision c) {
                    firstCollision.merge(c.unitId(), c.airStartMonoNanos(), Math::min);
                }
            }
            assertTrue(dispatcherEnd != Long.MAX_VALUE, "the dispatcher's call went out");
            return new Truth(dispatcherEnd, firstKeyUp, firstCollision, firstCollision.keySet(), gaveUp);
        }
    }
}
