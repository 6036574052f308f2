package dev.outpost.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness end to end at a tiny scale (300 units, 300 acks/s, a 300-unit throughput muster): a real
 * Mosquitto, the floor, a gateway process over hxt with its journal, the report. It asserts correctness only:
 * every message and ack arrives and is matched, the gateway's latencies agree with the simulator's truth, and
 * the report says so in its JSON. Never a time or a rate: CI machines vary too much.
 */
class LoadHarnessSmokeTest {
    private static final int UNITS = 300;

    @Test
    void everyAckArrivesOnceAndMatchesTheGroundTruth() throws Exception {
        HarnessArgs args = new HarnessArgs(List.of(UNITS), 1, UNITS, 1_000_000, 0, 0, List.of(), 0, 0, 0, 9_600,
                0, List.of("-XX:TieredStopAtLevel=1"));
        List<String> progress = new ArrayList<>();
        HarnessReport report = LoadHarness.run(args, progress::add);
        progress.forEach(System.out::println);
        System.out.println(report.table());

        HarnessReport.RateRow row = report.rows().get(0);
        assertEquals(UNITS, row.floor().sent());
        assertEquals(row.floor().sent(), row.floor().received(), "the floor lost nothing");
        for (ScenarioRun.Result scenario : List.of(row.gateway(), report.throughput())) {
            for (GatewayScenario.MusterFigures muster : scenario.musters()) {
                assertEquals(UNITS, muster.acksSent(), "every unit answered: " + muster);
                assertTrue(muster.nothingLost(), "every ack reached the subscriber and the report: " + muster);
                assertEquals(UNITS, muster.accuracy().count(), "every ack compared with the truth: " + muster);
            }
            assertTrue(scenario.readyMillis() > 0 && scenario.peakRssMiB() > 0 && scenario.heapUsedMiB() > 0,
                    "READY, RSS and heap were read: " + scenario);
        }

        // The gateway's latency_ms against the simulator's truth, in the paced muster (the throughput muster's burst
        // queues in the gateway, which moves its stamps). Loose enough for a loaded CI box (LatencyAccuracyTest holds
        // the tight figures); an ack compared with another muster's truth would be off by seconds.
        Latencies.Summary accuracy = row.gateway().measured().accuracy();
        assertTrue(accuracy.p50() < 5.0 && accuracy.p99() < 50.0, "accuracy against the ground truth: " + accuracy);

        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals(UNITS, json.path("latency").path(0).path("gateway").path("count").asInt());
        assertEquals(0, json.path("latency").path(0).path("gateway_lost").asInt());
        assertTrue(json.path("throughput").path("nothing_lost").asBoolean(), json.toString());
    }
}
