package dev.outpost.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness's radio-link and group parts at a tiny scale, correctness only (never a time or a rate): every ack
 * over hbp and over pei on a pty reaches the subscriber and is matched with the simulator's truth, a rate beyond the
 * simulated slots is reported as not possible, the group city muster sends one roll_call per group, and the peak
 * heap was read.
 */
class LinkHarnessSmokeTest {
    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1");
    private static BenchBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BenchBroker.launch();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void hbpAcksAllArriveAndARateBeyondTheSlotsIsNotRun() throws Exception {
        HbpLatencyRun.Row beyond = HbpLatencyRun.run(broker, 10_000, 1, 3, JVM);
        assertEquals(new HbpLatencyRun.NotPossible(10_000, 6), beyond, "6 slots carry 50 acks/s, not 10,000");

        HbpLatencyRun.Measured hbp = assertInstanceOf(HbpLatencyRun.Measured.class,
                HbpLatencyRun.run(broker, 50, 1, 3, JVM));
        assertEquals(3, hbp.stations(), "50 acks/s needs 6 slots");
        for (GatewayScenario.MusterFigures muster : hbp.musters()) {
            assertEquals(48, muster.acksSent(), "8 units on each of 6 slots answered: " + muster);
            assertTrue(muster.nothingLost(), "every ack reached the subscriber and the report: " + muster);
            assertTrue(muster.peakHeapMiB() > 0, "peak heap read: " + muster);
        }
        assertEquals(hbp.floor().sent(), hbp.floor().received(), "the floor lost nothing");
        assertTrue(hbp.measured().accuracy().p50() < 20.0, "accuracy against truth plus air time: " + hbp);
        assertTrue(new ObjectMapper().readTree(hbp.json()).path("nothing_lost").asBoolean());
    }

    @Test
    void peiAcksOverAPtyAllArriveWithinTheLinesLimit() throws Exception {
        PeiLatencyRun.Row row = PeiLatencyRun.run(broker, 30, 1, 38_400, JVM);
        if (BenchPty.socat().isEmpty()) {
            assertInstanceOf(PeiLatencyRun.Skipped.class, row, "no socat: skipped, not crashed");
            return;
        }
        PeiLatencyRun.Measured pei = assertInstanceOf(PeiLatencyRun.Measured.class, row);
        assertEquals(9_600, pei.gatewayBaud(), "the fastest standard pace under 30/s: 19.2 calls/s");
        assertTrue(pei.line().capacity().nothingLost(), "the capacity muster lost nothing: " + pei.line());
        assertTrue(pei.line().replyBytes() > 0 && pei.line().limit() > 30, "the line's limit: " + pei.line());
        for (GatewayScenario.MusterFigures muster : pei.musters()) {
            assertTrue(muster.nothingLost(), "every ack reached the subscriber and the report: " + muster);
        }
        assertEquals(20, pei.measured().acksSent(), "max(20, 19.2/s x 1 s) units answered");
        assertTrue(pei.measured().accuracy().p50() < 10.0, "accuracy against truth plus wire time: " + pei);
        JsonNode json = new ObjectMapper().readTree(pei.json());
        assertEquals(0, json.path("gateway_unmatched").asInt(), json.toString());
    }

    @Test
    void aGroupCityMusterSendsOneRollCallPerGroup() throws Exception {
        GroupCityRun.Result groups = GroupCityRun.run(broker, 300, 3, 500, JVM);
        assertEquals(3, groups.rollCalls(), "one roll_call per group, not 300 / 20 = 15 listed: " + groups.line());
        assertEquals(3, groups.groupCalls(), "every report names its group: " + groups.line());
        assertTrue(groups.figures().nothingLost(), "every ack arrived and was matched: " + groups.line());
        assertEquals(300, groups.figures().accuracy().count(), groups.line());
        assertTrue(groups.figures().peakHeapMiB() > 0, groups.line());
        assertTrue(new ObjectMapper().readTree(groups.json()).path("nothing_lost").asBoolean());
    }
}
