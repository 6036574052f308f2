package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A muster rebuilt from its recorded start and inputs (as after a crash) must be the muster it was, and must carry
 * on correctly when the gateway was down for a while. All in virtual time.
 */
class MusterRecoveryTest {
    private static final int UNITS = 40;
    private static final UnitRegistry REGISTRY =
            new UnitRegistry(IntStream.rangeClosed(1, UNITS).mapToObj(MusterFixtures::dmrUnit).toList());
    private static final MusterRequest REQUEST = new MusterRequest(Optional.of("drill-7"), new MusterScope.All(),
            CallMethod.POLL, Duration.ofSeconds(1), 1, Duration.ofSeconds(8), Duration.ofSeconds(2), List.of(), "t");

    /** Unit n answers each call after (30 + 37n mod 900) ms; every 5th unit never answers. */
    private static long answerDelay(int n) {
        return n % 5 == 0 ? -1 : (30 + (37L * n) % 900) * MS;
    }

    @Test
    void aMusterRebuiltAtTheSameInstantIsTheSameMusterAndEndsTheSame() throws MusterRejected {
        Units units = new Units();
        Gateway original = new Gateway(units, 0);
        original.service.start(REQUEST);
        original.scheduler.advanceTo(2_500 * MS);
        MusterSnapshot before = original.service.running().get(0);
        assertTrue(before.acked() > 0 && before.pending() > 0, "mid-muster: " + before);

        Gateway rebuilt = new Gateway(units, 2_500 * MS);
        rebuilt.service.resume(original.recorder.recovered(Set.of()));
        assertEquals(before, rebuilt.service.running().get(0), "same state at the same instant");
        assertEquals(original.listener.acks, rebuilt.listener.acks, "acks nobody recorded are announced again");

        units.replayAnswersAfter(2_500 * MS, rebuilt);
        original.scheduler.advanceTo(20_000 * MS);
        rebuilt.scheduler.advanceTo(20_000 * MS);
        MusterReport expected = original.listener.finished.get(0);
        assertEquals(expected, rebuilt.listener.finished.get(0));
        assertEquals(0, rebuilt.scheduler.pendingTasks());
    }

    @Test
    void afterADowntimeTheDeadlineHoldsLostAttemptsAreRetriedAndLatencyCountsFromTheFirstSend()
            throws MusterRejected {
        Units units = new Units();
        Gateway original = new Gateway(units, 0);
        original.service.start(REQUEST);
        original.scheduler.advanceTo(1_500 * MS);
        Set<String> ackedBefore = original.listener.acks.stream().map(MusterAck::unitId).collect(Collectors.toSet());
        Map<String, Long> firstSend = units.firstSend("drill-7");

        // Down from 1.5 s to 4 s: the answers meant for that time are lost; the muster goes on at 4 s.
        Gateway restarted = new Gateway(units, 4_000 * MS);
        restarted.service.resume(original.recorder.recovered(ackedBefore));
        assertTrue(restarted.listener.acks.isEmpty(), "acks already recorded are not announced twice");
        assertTrue(restarted.link.calls.size() > 0, "calling goes on at once");
        restarted.scheduler.advanceTo(30_000 * MS);
        assertTrue(restarted.link.calls.stream().anyMatch(c -> c.callRef().contains("-a2-")
                        && c.addresses().stream().anyMatch(a -> firstSend.containsKey("U" + (Integer.parseInt(a) - 1000)))),
                "units whose first attempt ran out while the gateway was down are called again");

        MusterReport report = restarted.listener.finished.get(0);
        assertEquals(10_000.0, report.durationMs(), "deadline 8 s + late window 2 s, counted from the original start");
        for (MusterAck ack : restarted.listener.acks) {
            long ackAt = Math.round(ack.latencyMs() * MS) + units.firstSend.get(ack.unitId());
            assertTrue(ackAt >= 4_000 * MS, ack + " came after the restart");
            assertEquals(units.answerTime(ack.unitId()), ackAt, "latency is measured from the first send: " + ack);
        }
        assertTrue(restarted.listener.acks.size() > 5, "some units answered after the restart");
        List<String> noAnswer = report.rows().stream().filter(r -> r.outcome() == MusterOutcome.NO_ANSWER)
                .map(ReportRow::unitId).toList();
        assertTrue(noAnswer.stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 5 == 0), noAnswer.toString());
    }

    @Test
    void aMusterWhoseTimeRanOutWhileDownFinishesAtOnce() throws MusterRejected {
        Units units = new Units();
        Gateway original = new Gateway(units, 0);
        original.service.start(REQUEST);
        original.scheduler.advanceTo(3_000 * MS);

        Gateway restarted = new Gateway(units, 60_000 * MS);
        restarted.service.resume(original.recorder.recovered(Set.of()));
        assertEquals(1, restarted.listener.finished.size());
        assertEquals(10_000.0, restarted.listener.finished.get(0).durationMs());
        assertTrue(restarted.service.running().isEmpty());
        assertTrue(restarted.link.calls.isEmpty(), "nothing is called after the deadline");
    }

    /** One gateway process: its own clock (starting at {@code startNanos} after EPOCH), scheduler and link. */
    private static final class Gateway {
        final ManualClock clock = new ManualClock(EPOCH);
        final VirtualScheduler scheduler = new VirtualScheduler(clock);
        final FakeLink link = new FakeLink("dmr1", Bearer.DMR, new Pacing(10, 2, 0), clock);
        final RecordingListener listener = new RecordingListener();
        final ListRecorder recorder = new ListRecorder();
        final MusterService service;

        Gateway(Units units, long startNanos) {
            clock.advanceTo(startNanos);
            service = new MusterService(scheduler, clock, () -> REGISTRY, List.of(link),
                    l -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(1)), 5, recorder,
                    id -> false);
            link.onSent = call -> units.answer(call, this);
        }
    }

    /** The simulated units: answers scheduled on the gateway that sent the call, remembered for replays. */
    private static final class Units {
        final List<Answer> answers = new ArrayList<>();
        final Map<String, Long> firstSend = new TreeMap<>();
        final Map<String, Long> lastAnswer = new TreeMap<>();

        void answer(CallRequest call, Gateway gateway) {
            long now = gateway.clock.monotonicNanos();
            for (String address : call.addresses()) {
                int n = Integer.parseInt(address) - 1000;
                firstSend.putIfAbsent("U" + n, now);
                if (answerDelay(n) >= 0) {
                    long at = now + answerDelay(n);
                    UnitEvent event = MusterFixtures.ack("U" + n, Bearer.DMR, address, "dmr1", call.callRef(), at);
                    answers.add(new Answer(at, event));
                    lastAnswer.put("U" + n, at);
                    deliver(gateway, at, event);
                }
            }
        }

        void replayAnswersAfter(long nanos, Gateway gateway) {
            answers.stream().filter(a -> a.at > nanos).forEach(a -> deliver(gateway, a.at, a.event));
        }

        Map<String, Long> firstSend(String musterId) {
            return Map.copyOf(firstSend);
        }

        long answerTime(String unitId) {
            return lastAnswer.get(unitId);
        }

        private static void deliver(Gateway gateway, long at, UnitEvent event) {
            gateway.scheduler.schedule(at - gateway.clock.monotonicNanos(), () -> gateway.service.onEvent(event));
        }
    }

    private record Answer(long at, UnitEvent event) {
    }

    /** Keeps what a real recorder would write. */
    private static final class ListRecorder implements MusterRecorder {
        MusterStart start;
        final List<MusterInput> inputs = new ArrayList<>();
        long lastSequence;

        RecoveredMuster recovered(Set<String> recordedAcks) {
            return new RecoveredMuster(start, inputs, lastSequence, recordedAcks);
        }

        @Override
        public void started(MusterStart s) {
            start = s;
        }

        @Override
        public void input(String musterId, long sequence, MusterInput input) {
            if (start != null || lastSequence > 0) {
                assertEquals(lastSequence + 1, sequence, "sequences count from 1 without gaps, also after a resume");
            }
            lastSequence = sequence;
            inputs.add(input);
        }

        @Override
        public void finished(MusterReport report, MusterSnapshot finalSnapshot) {
        }
    }
}
