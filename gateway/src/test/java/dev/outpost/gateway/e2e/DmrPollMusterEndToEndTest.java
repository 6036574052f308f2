package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.truth.DmrExchanges;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Poll muster": a DMR radio-check muster of the 2,702 Tianhe units over 20 simulated base stations x 2 slots,
 * requested over a real Mosquitto. Every acked unit's latency is compared with the simulator's ground truth plus the
 * simulated air time, and the muster's duration with the channel floor (docs/BENCHMARKS.md, "DMR poll muster").
 */
class DmrPollMusterEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final long ATTEMPT_TIMEOUT_MS = 1_500;
    private static final int RETRIES = 1;
    /** One radio check with its ack one burst later holds a slot for (1 + 1) x 60 ms. */
    private static final double CHECK_MS = 120.0;

    /** The Tianhe registry with a radio for every unit (the generator gives only some units a DMR id). */
    static List<Unit> tianheWithRadios() {
        List<Unit> out = new ArrayList<>();
        int spare = 4_800_000;
        for (Unit u : TianheRegistryGenerator.generate(42)) {
            out.add(u.dmrId() != null ? u : new Unit(u.unitId(), u.name(), u.unitClass(), u.street(), u.lat(), u.lon(),
                    spare++, u.issi(), u.fleetsyncId(), u.pocUser(), u.lifecycle(), u.staff()));
        }
        return out;
    }

    @Test
    void aPollMusterOfTianheMatchesTheTruthAndStaysNearTheChannelFloor(@TempDir Path dir) throws Exception {
        List<Unit> units = tianheWithRadios();
        assertEquals(TianheRegistryGenerator.TIANHE_UNITS, units.size());
        try (Mosquitto broker = Mosquitto.launch();
             DmrE2eWorld world = new DmrE2eWorld(dir, broker.url(), units, 20, 42, BehaviourOptions.defaults(),
                     DmrRadioBehaviour.defaults(), 0, "");
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            platform.subscribe(world.base + "/status").subscribe(world.base + "/response/#")
                    .subscribe(world.base + "/muster/+/result");
            platform.await(r -> r.topic().equals(world.base + "/status") && r.text().contains("\"online\""), LIMIT);
            world.awaitStations(LIMIT);

            // A gateway runs for days; one street's muster first, so the measured one does not meet code the JIT
            // has not compiled yet.
            muster(platform, world, "{\"type\":\"street\",\"street\":\"" + units.get(0).street() + "\"}", "warm-up");
            long measuredFrom = System.nanoTime();
            Instant measuredFromWall = Instant.now();
            JsonNode result;
            List<StallMeter.Stall> stalls;
            MachineLoad before = MachineLoad.now();
            try (StallMeter meter = StallMeter.start()) {
                result = muster(platform, world, "{\"type\":\"all\"}", "dmr-poll");
                Instant to = Instant.now();
                // Only a meter pinned at real-time priority tells a CPU stall from its own wait for a core.
                stalls = meter.exact() ? meter.stallsBetween(measuredFromWall, to) : List.of();
                System.out.println("DMR poll muster: " + MachineLoad.now().since(before) + "; "
                        + meter.describe(measuredFromWall, to));
            }

            LatencyCheck latency = LatencyCheck.of(result, world.truth.entries(), measuredFrom, measuredFromWall,
                    stalls);
            Floor floor = Floor.of(result, world);
            double ratio = result.path("duration_ms").asDouble() / floor.slowestMs();
            System.out.printf(Locale.ROOT, "DMR poll muster: %s; duration %.0f ms, floor %.0f ms (slot %s), "
                    + "ratio %.3f%n", latency, result.path("duration_ms").asDouble(), floor.slowestMs(),
                    floor.slowestSlot(), ratio);

            JsonNode summary = result.path("summary");
            assertTrue(summary.path("acked").asInt() > 2_400, "almost every radio answers: " + summary);
            assertEquals(summary.path("acked").asInt(), latency.count(), "every acked unit compared with the truth");
            assertTrue(latency.median() < 1.0, "median error under 1 ms: " + latency);
            System.out.println("DMR poll muster: stamping threads: " + world.stamping());
            // Every unit, whatever the priorities: at normal priority (not root, no rtprio limit) a stamping thread now
            // and then waits for one of the two cores, 98.3-100 % within 5 ms on a quiet box.
            assertTrue(latency.shareWithin(5.0) >= 0.96, "96 % within 5 ms of truth plus air time: " + latency);
            assertTrue(latency.maxAbsMs() < 100.0, "no unit far from the truth: " + latency);
            if (world.stamping().allRealtime()) {
                // No stamp waits for a core behind ordinary threads, and calls leave a few per turn of the network
                // loop: every unit within 5 ms (docs/BENCHMARKS.md, "Real-time stamping threads"). But for one
                // cause: this machine is a VM whose CPUs the host takes away now and then (StallMeter: up to 40 ms
                // at a time, in bursts); a unit whose call or answer was in flight across such a stall is counted
                // and printed, not held to 5 ms.
                assertTrue(latency.maxUnexcusedAbsMs() < 5.0, "every acked unit within 5 ms of truth plus air time "
                        + "(outside CPU stalls): " + latency);
            }
            assertTrue(ratio <= 1.25, "within 1.25x of the channel floor: " + ratio);
        }
    }

    private static JsonNode muster(MqttProbe platform, DmrE2eWorld world, String scope, String transaction)
            throws Exception {
        platform.publish(world.base + "/request/muster/start", "{\"scope\":" + scope + ",\"method\":\"poll\","
                + "\"attempt_timeout_ms\":" + ATTEMPT_TIMEOUT_MS + ",\"retries\":" + RETRIES + ","
                + "\"deadline_ms\":60000,\"late_window_ms\":0,\"transaction\":\"" + transaction + "\"}");
        MqttProbe.Received reply = platform.await(r -> r.topic().equals(world.base + "/response/muster/start")
                && r.text().contains(transaction), LIMIT);
        JsonNode replyJson = JSON.readTree(reply.payload());
        assertEquals("ok", replyJson.path("status").asText(), reply.text());
        String musterId = replyJson.path("data").path("muster_id").asText();
        JsonNode result = JSON.readTree(platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT)
                .payload());
        assertEquals("finished", result.path("state").asText());
        return result;
    }

    /**
     * Measured latency against the truth plus the simulated air time. For a unit's first radio check (DMRD reaching
     * the repeater at {@code arrived}) and its reply: expected = (reach - arrived) + delay + 30 ms, where
     * reach - arrived is the wait for the slot (queue and burst boundary) plus the request's 30 ms burst, delay is the
     * radio's true delay (reach to its ack's first burst) and 30 ms the ack burst, complete when its DMRD leaves.
     */
    record LatencyCheck(List<Double> errorsMs, List<Double> simLag, List<String> worst, List<Double> unexcusedMs) {
        private static final long ACK_BURST_NANOS = 30_000_000L;

        static LatencyCheck of(JsonNode result, List<TruthEntry> truth, long fromNanos, Instant fromWall,
                               List<StallMeter.Stall> stalls) {
            Map<String, DmrExchanges.Exchange> exchanges = DmrExchanges.since(truth, "radio_check", fromNanos);
            List<Double> errors = new ArrayList<>();
            List<Double> simLag = new ArrayList<>();
            List<Map.Entry<Double, String>> byError = new ArrayList<>();
            List<Double> unexcused = new ArrayList<>();
            for (JsonNode row : result.path("rows")) {
                String unit = row.path("unit_id").asText();
                DmrExchanges.Exchange exchange = exchanges.get(unit);
                if (row.path("outcome").asText().equals("acked") && exchange != null) {
                    TruthEntry.DmrDelivered call = exchange.call();
                    TruthEntry.DmrReplied answer = exchange.answer();
                    // (reach - arrived) + delay + 30 ms is the ack burst's ideal completion; the repeater sends its DMRD
                    // when it gets there (sent), a little later when the simulator's thread runs late. The gateway
                    // sees that instant, so it is the truth it is held to; the lag is printed beside it.
                    long ideal = (answer.reachMonoNanos() - call.arrivedMonoNanos()) + answer.delayNanos()
                            + ACK_BURST_NANOS;
                    long expected = exchange.expectedNanos();
                    double error = row.path("latency_ms").asDouble() - expected / 1e6;
                    errors.add(error);
                    simLag.add((expected - ideal) / 1e6);
                    // Where a large error sits: the ack leg is the gateway's ack stamp against the repeater's send,
                    // both wall clocks of this one JVM (to the report's precision); the rest is the call leg.
                    Instant ackAt = Instant.parse(row.path("ack_at").asText());
                    double ackLegMs = Duration.between(answer.sentWall(), ackAt).toNanos() / 1e6;
                    // The call leg ends when the repeater heard the call (its monotonic stamp, on the wall clock
                    // through the muster's start) and began ~(error - ack leg) earlier.
                    Instant heard = fromWall.plusNanos(call.arrivedMonoNanos() - fromNanos);
                    Instant callSent = heard.minusNanos((long) ((error - ackLegMs) * 1e6));
                    boolean stalled = StallMeter.explains(stalls, answer.sentWall(), ackAt)
                            || StallMeter.explains(stalls, callSent, heard);
                    if (!stalled) {
                        unexcused.add(error);
                    }
                    byError.add(Map.entry(Math.abs(error), String.format(Locale.ROOT,
                            "%s %.2f ms (ack leg %.1f) at +%.0f ms (%s%s) on %d/%d", unit, error, ackLegMs,
                            (call.arrivedMonoNanos() - fromNanos) / 1e6, row.path("ack_at").asText().substring(11),
                            stalled ? ", in a CPU stall" : "",
                            call.peerId(), call.slot())));
                }
            }
            errors.sort(Double::compare);
            simLag.sort(Double::compare);
            byError.sort(Map.Entry.<Double, String>comparingByKey().reversed());
            return new LatencyCheck(errors, simLag, byError.stream().limit(6).map(Map.Entry::getValue).toList(),
                    unexcused);
        }

        int count() {
            return errorsMs.size();
        }

        double median() {
            return errorsMs.stream().mapToDouble(Math::abs).sorted().skip(count() / 2).findFirst().orElse(Double.NaN);
        }

        double shareWithin(double ms) {
            return errorsMs.stream().filter(e -> Math.abs(e) <= ms).count() / (double) count();
        }

        /** The largest |error| among units whose late leg no CPU stall overlapped. */
        double maxUnexcusedAbsMs() {
            return unexcusedMs.stream().mapToDouble(Math::abs).max().orElse(0);
        }

        double maxAbsMs() {
            return errorsMs.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            if (errorsMs.isEmpty()) {
                return "no acked units";
            }
            return String.format(Locale.ROOT, "%d acked, latency error (measured - truth - air) min %.2f ms, "
                    + "median %.2f ms, max %.2f ms, max |error| %.2f ms, within 5 ms %.2f %%", count(), errorsMs.get(0),
                    errorsMs.get(count() / 2), errorsMs.get(count() - 1), maxAbsMs(), 100 * shareWithin(5.0))
                    + String.format(Locale.ROOT, "; simulator's DMRD after the ideal burst end: median %.2f ms, "
                    + "max %.2f ms; %d units' legs overlapped a CPU stall, max |error| of the others %.2f ms; "
                    + "largest: %s", simLag.get(count() / 2), simLag.get(count() - 1), count() - unexcusedMs.size(),
                    maxUnexcusedAbsMs(), String.join(", ", worst));
        }
    }

    /**
     * The channel floor (issue 4): per slot, the units polled on it x 120 ms (one radio check and its ack), plus one
     * attempt timeout per retry round when some unit on it never answers. The slowest slot decides.
     */
    record Floor(double slowestMs, String slowestSlot) {
        static Floor of(JsonNode result, DmrE2eWorld world) {
            Map<String, int[]> perSlot = new HashMap<>();
            for (JsonNode row : result.path("rows")) {
                String outcome = row.path("outcome").asText();
                if (outcome.equals("acked") || outcome.equals("no_answer")) {
                    int[] counts = perSlot.computeIfAbsent(world.slotOf(row.path("unit_id").asText()),
                            k -> new int[2]);
                    counts[0]++;
                    counts[1] += outcome.equals("no_answer") ? 1 : 0;
                }
            }
            double slowest = 0;
            String slot = "";
            for (Map.Entry<String, int[]> e : perSlot.entrySet()) {
                int polled = e.getValue()[0];
                int silent = e.getValue()[1];
                double ms = polled * CHECK_MS + (silent > 0 ? RETRIES * ATTEMPT_TIMEOUT_MS : 0);
                if (ms > slowest) {
                    slowest = ms;
                    slot = e.getKey();
                }
            }
            return new Floor(slowest, slot);
        }
    }
}
