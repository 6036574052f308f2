package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static dev.outpost.gateway.muster.MusterFixtures.link;
import static dev.outpost.gateway.muster.MusterFixtures.receipt;
import static dev.outpost.gateway.muster.MusterFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.AckResult;
import dev.outpost.gateway.muster.report.ReportRow;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Attempts, retries, deadlines and ack matching, on one link with fast pacing (timeout 1 s, 2 retries, late 1 s). */
class MusterTimingTest {
    private static final UnitRegistry REGISTRY = new UnitRegistry(
            IntStream.range(1, 6).mapToObj(MusterFixtures::dmrUnit).toList());

    private static EngineDriver start(boolean autoReceipt, String... unitIds) throws MusterRejected {
        return start(autoReceipt, Duration.ofSeconds(10), new Pacing(1000, 1, 0), unitIds);
    }

    private static EngineDriver start(boolean autoReceipt, Duration deadline, Pacing pacing, String... unitIds)
            throws MusterRejected {
        return new EngineDriver(MusterEngine.start("m1", request(new MusterScope.Units(List.of(unitIds)),
                Duration.ofSeconds(1), 2, deadline, Duration.ofSeconds(1)), REGISTRY,
                List.of(link("dmr1", Bearer.DMR, pacing, true)), 0, EPOCH), autoReceipt);
    }

    @Test
    void silentUnitIsCalledOncePerAttemptThenNoAnswer() throws MusterRejected {
        EngineDriver driver = start(true, "U1");
        driver.advanceTo(2_999 * MS);
        assertEquals(List.of(0L, 1_000 * MS, 2_000 * MS),
                driver.sendsTo("1001").stream().map(EngineDriver.TimedSend::atNanos).toList());
        assertEquals(1, driver.engine.snapshot(driver.now).pending());
        driver.advanceTo(3_000 * MS);
        assertEquals(MusterOutcome.NO_ANSWER, driver.row("U1").outcome());
        assertFalse(driver.engine.isFinished(), "a late ack may still come");
        driver.advanceTo(4_000 * MS);
        assertTrue(driver.engine.isFinished());
        assertEquals(3, driver.row("U1").attempts());
        assertEquals(4_000.0, driver.engine.report().durationMs());
    }

    @Test
    void ackToTheSecondAttemptIsMeasuredFromTheFirstSend() throws MusterRejected {
        EngineDriver driver = start(true, "U1", "U2");
        String secondCall = driver.sendsTo("1001").get(0).callRef();
        driver.advanceTo(1_200 * MS);
        String retry = driver.sendsTo("1001").get(1).callRef();
        assertTrue(retry.contains("-a2-"), retry);
        assertEquals(AckResult.MATCHED, driver.ack("U1", "1001", retry, 1_500 * MS));
        assertEquals(AckResult.MATCHED, driver.ack("U2", "1002", null, 1_600 * MS));

        ReportRow row = driver.row("U1");
        assertEquals(MusterOutcome.ACKED, row.outcome());
        assertEquals(1_500.0, row.latencyMs());
        assertEquals(2, row.attemptAnswered());
        assertEquals(EPOCH, row.firstSentAt());
        assertEquals(1_599.0, driver.row("U2").latencyMs(), "U2 was first sent 1 ms after U1");
        assertEquals(2, driver.row("U2").attemptAnswered(), "matched by unit id: the latest attempt");
        assertTrue(driver.engine.isFinished(), "everyone answered");
        assertTrue(secondCall.startsWith("m1-dmr1-a1-"));
    }

    @Test
    void ackAfterTheDeadlineButInsideTheLateWindowIsLate() throws MusterRejected {
        EngineDriver driver = start(true, "U1", "U2", "U3");
        assertEquals(AckResult.MATCHED, driver.ack("U2", "1002", null, 3_400 * MS));
        ReportRow late = driver.row("U2");
        assertEquals(MusterOutcome.LATE, late.outcome());
        assertEquals(3_399.0, late.latencyMs(), "U2 was first sent at 1 ms");
        assertEquals(MusterOutcome.LATE, driver.acks.get(0).outcome());
        // U1's last attempt ended at 3 s, so its late window closed at 4 s; U3's closes at 4.002 s.
        assertEquals(AckResult.IGNORED, driver.ack("U1", "1001", null, 4_000 * MS + 500_000));
        assertEquals(MusterOutcome.NO_ANSWER, driver.row("U1").outcome());
        assertFalse(driver.engine.isFinished());
        driver.advanceTo(4_002 * MS);
        assertTrue(driver.engine.isFinished());
    }

    @Test
    void ackThatArrivedBeforeTheTimerRanStillCountsOnTime() throws MusterRejected {
        EngineDriver driver = start(true, "U1");
        driver.advanceTo(3_500 * MS);
        assertEquals(MusterOutcome.NO_ANSWER, driver.row("U1").outcome());
        // Received at 2.9 s (stamped by the link), delivered after the deadline timer fired.
        driver.engine.onAck(MusterFixtures.ack("U1", Bearer.DMR, "1001", "dmr1", null, 2_900 * MS), 3_500 * MS);
        assertEquals(MusterOutcome.ACKED, driver.row("U1").outcome());
    }

    @Test
    void duplicateAcksAreCountedAndIgnored() throws MusterRejected {
        EngineDriver driver = start(true, "U1", "U2");
        String call = driver.sendsTo("1001").get(0).callRef();
        assertEquals(AckResult.MATCHED, driver.ack("U1", "1001", call, 100 * MS));
        assertEquals(AckResult.DUPLICATE, driver.ack("U1", "1001", call, 150 * MS));
        assertEquals(AckResult.DUPLICATE, driver.ack("U1", "1001", null, 160 * MS));
        assertEquals(100.0, driver.row("U1").latencyMs());
        assertEquals(2, driver.engine.snapshot(driver.now).duplicateAcks());
        assertEquals(1, driver.acks.size());
    }

    @Test
    void ackBeforeReceiptWaitsForTheSendInstant() throws MusterRejected {
        EngineDriver driver = start(false, "U1", "U2");
        String call = driver.sent.get(0).callRef();
        assertEquals(AckResult.MATCHED, driver.ack("U1", "1001", call, 5 * MS));
        assertTrue(driver.acks.isEmpty(), "latency unknown until the receipt");
        assertNull(driver.row("U1").latencyMs());

        driver.engine.onReceipt(receipt(call, 2 * MS), 6 * MS);
        driver.collect();
        assertEquals(1, driver.acks.size());
        assertEquals(3.0, driver.acks.get(0).latencyMs());
        assertEquals(3.0, driver.row("U1").latencyMs());
    }

    @Test
    void latencyIsExactToTheNanosecond() throws MusterRejected {
        EngineDriver driver = start(false, "U1");
        String call = driver.sent.get(0).callRef();
        driver.engine.onReceipt(receipt(call, 1_000_000L), 1_000_000L);
        driver.ack("U1", "1001", call, 1_000_000L + 1_234_000L);
        assertEquals(1.234, driver.row("U1").latencyMs());
        driver.runToEnd();
        EngineDriver sub = start(false, "U2");
        sub.engine.onReceipt(receipt(sub.sent.get(0).callRef(), 7L), 7L);
        sub.ack("U2", "1002", null, 7L + 1_234_567L);
        assertEquals(1.234567, sub.row("U2").latencyMs(), 1e-12);
    }

    @Test
    void refusedAddressesAreUnreachableAtOnce() throws MusterRejected {
        EngineDriver driver = start(false, "U1", "U2");
        driver.engine.onReceipt(receipt(driver.sent.get(0).callRef(), 0, "1001"), 0);
        ReportRow row = driver.row("U1");
        assertEquals(MusterOutcome.UNREACHABLE, row.outcome());
        assertEquals("refused by the network", row.detail());
        assertEquals(1, row.attempts());
    }

    @Test
    void failedSendsAreRetriedAndAllFailedMeansUnreachable() throws MusterRejected {
        EngineDriver driver = start(false, "U1");
        driver.engine.onCallFailed(driver.sent.get(0).callRef(), "link dmr1 is unavailable: down", 0);
        driver.advanceTo(999 * MS);
        assertEquals(1, driver.sent.size(), "the retry waits for the attempt's timeout");
        driver.advanceTo(1_000 * MS);
        assertEquals(2, driver.sent.size());
        driver.engine.onCallFailed(driver.sent.get(1).callRef(), "down", 1_000 * MS);
        driver.advanceTo(2_000 * MS);
        driver.engine.onCallFailed(driver.sent.get(2).callRef(), "down", 2_000 * MS);
        driver.collect();
        ReportRow row = driver.row("U1");
        assertEquals(MusterOutcome.UNREACHABLE, row.outcome());
        assertEquals("every attempt failed to send: down", row.detail());
        assertTrue(driver.engine.isFinished());
    }

    @Test
    void linkGoingDownMidMusterLeavesNoAnswerForUnitsThatWereCalled() throws MusterRejected {
        EngineDriver driver = start(false, "U1");
        driver.engine.onReceipt(receipt(driver.sent.get(0).callRef(), 0), 0);
        driver.advanceTo(1_000 * MS);
        driver.engine.onCallFailed(driver.sent.get(1).callRef(), "down", 1_000 * MS);
        driver.advanceTo(2_000 * MS);
        driver.engine.onCallFailed(driver.sent.get(2).callRef(), "down", 2_000 * MS);
        driver.collect();
        assertEquals(MusterOutcome.NO_ANSWER, driver.row("U1").outcome(), "attempt 1 went out, so it is not unreachable");
        assertEquals(3, driver.row("U1").attempts());
        assertTrue(driver.engine.isFinished(), "the late window ran from the end of attempt 1 (1 s) and is over");
    }

    @Test
    void theOverallDeadlineCutsAttemptsAndUnsentUnitsAreUnreachable() throws MusterRejected {
        EngineDriver driver = start(true, Duration.ofMillis(2_500), new Pacing(1, 1, 0), "U1", "U2", "U3", "U4");
        driver.runToEnd();
        assertEquals(List.of(0L, 1_000 * MS, 2_000 * MS),
                driver.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());
        assertEquals(MusterOutcome.NO_ANSWER, driver.row("U1").outcome());
        assertEquals(MusterOutcome.UNREACHABLE, driver.row("U4").outcome());
        assertEquals("not sent before the deadline", driver.row("U4").detail());
        assertEquals(3_500.0, driver.engine.report().durationMs(), "deadline 2.5 s + late window 1 s");
    }

    @Test
    void cancelTurnsPendingUnitsCancelledAndKeepsAnswers() throws MusterRejected {
        EngineDriver driver = start(true, "U1", "U2", "U3");
        driver.ack("U1", "1001", null, 300 * MS);
        driver.engine.cancel(400 * MS);
        driver.collect();
        assertTrue(driver.engine.isFinished());
        assertEquals("cancelled", driver.engine.report().state());
        assertEquals(MusterOutcome.ACKED, driver.row("U1").outcome());
        assertEquals(MusterOutcome.CANCELLED, driver.row("U2").outcome());
        assertEquals(List.of("U2", "U3"), driver.engine.report().summary().unanswered());
        assertEquals(AckResult.NOT_MINE, driver.engine.onAck(
                MusterFixtures.ack("U2", Bearer.DMR, "1002", "dmr1", null, 500 * MS), 500 * MS));
    }
}
