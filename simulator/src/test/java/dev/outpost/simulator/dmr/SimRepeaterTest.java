package dev.outpost.simulator.dmr;

import static dev.outpost.simulator.dmr.DmrTestWorld.DISPATCHER;
import static dev.outpost.simulator.dmr.DmrTestWorld.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hbp.CallAlert;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.RadioCheck;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.truth.TruthEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimRepeaterTest {
    private static final DmrRoute SLOT1 = new DmrRoute(DmrTestWorld.PEER_ID, 1, 1, true);

    private static DmrSignal.ControlBlock csbk(Dmrd frame) {
        return (DmrSignal.ControlBlock) DmrInterpreter.interpret(frame);
    }

    @Test
    void radioCheckIsAckedOnItsSlotInTheBurstAfterTheRequest() {
        DmrTestWorld w = new DmrTestWorld(4, DmrTestWorld.fixedAir(), Set.of());
        w.clock.advance(10 * MS); // request arrives 10 ms into the slot's burst 0: it waits for burst 1 at 60 ms
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 77, 0, DISPATCHER, 4_600_001), w.clock.now());
        w.clock.advance(1_000 * MS);

        assertEquals(1, w.sent.size());
        Dmrd ack = w.sent.get(0);
        assertEquals(1, ack.slot());
        assertTrue(RadioCheck.matchAck(ack, csbk(ack).csbk(), DISPATCHER).isPresent());
        assertEquals(60 + 60 + 30, w.sinceEpoch(w.sentAt.get(0)), "request burst 1, ack burst 2, complete +30 ms");
        TruthEntry.DmrDelivered reached = w.truth.entries(TruthEntry.DmrDelivered.class).get(0);
        assertEquals(List.of(10L, 60L, 90L), List.of(w.sinceEpoch(reached.arrivedMonoNanos()),
                w.sinceEpoch(reached.airStartMonoNanos()), w.sinceEpoch(reached.reachMonoNanos())));
        TruthEntry.DmrReplied reply = w.truth.entries(TruthEntry.DmrReplied.class).get(0);
        assertEquals(30 * MS, reply.delayNanos(), "one burst after the request = 60 ms - 30 ms of request air");
        assertEquals(30 * MS, w.truth.firstReplyDelayNanos("TH-1").getAsLong());
    }

    @Test
    void twoBurstAcksHoldTheSlotOneBurstLonger() {
        DmrTestWorld w = new DmrTestWorld(2, DmrTestWorld.fixedAir().withTwoBurstAckFraction(1.0), Set.of());
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 1, 0, DISPATCHER, 4_600_001), w.clock.now());
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 2, 0, DISPATCHER, 4_600_001), w.clock.now());
        w.clock.advance(1_000 * MS);
        // bursts: request 0, held 1, ack 2; request 3, held 4, ack 5
        assertEquals(List.of(150L, 330L), w.sentAt.stream().map(w::sinceEpoch).toList());
    }

    @Test
    void radiosThatAreAbsentOffOrOnTheOtherSlotDoNotAnswer() {
        DmrTestWorld w = new DmrTestWorld(4, DmrTestWorld.fixedAir(), Set.of(4_600_003));
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 1, 0, DISPATCHER, 4_600_002), w.clock.now()); // slot 2
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 2, 0, DISPATCHER, 4_600_003), w.clock.now()); // on leave
        w.repeater.fromNetwork(DmrFrames.radioCheck(SLOT1, 3, 0, DISPATCHER, 1_234_567), w.clock.now()); // unknown
        w.clock.advance(2_000 * MS);
        assertEquals(List.of(), w.sent);
        assertEquals(3, w.counters.unanswerable.get());
    }

    @Test
    void callAlertIsConfirmedAfterThePersonsDelayAtTheNextFreeBurst() {
        DmrTestWorld w = new DmrTestWorld(2, DmrTestWorld.fixedAir(), Set.of());
        w.repeater.fromNetwork(DmrFrames.callAlert(SLOT1, 5, 0, DISPATCHER, 4_600_001), w.clock.now());
        w.clock.advance(5_000 * MS);
        assertEquals(1, w.sent.size());
        Dmrd ack = w.sent.get(0);
        assertTrue(CallAlert.matchAck(ack, csbk(ack).csbk(), DISPATCHER).isPresent());
        // reached at 30 ms, confirmed 2 s later (2030 ms), first free burst 2040 ms, complete 2070 ms
        assertEquals(2_070L, w.sinceEpoch(w.sentAt.get(0)));
        assertEquals(2_010 * MS, w.truth.entries(TruthEntry.DmrReplied.class).get(0).delayNanos());
    }

    @Test
    void unitsReplyToADispatchersCallByKeyingUpAndTheSameInstantMeansACollision() {
        DmrTestWorld w = new DmrTestWorld(4, DmrTestWorld.fixedAir(), Set.of());
        DmrRoute.Stream call = new DmrRoute.Stream(900, DISPATCHER, 91, Dmrd.CallType.GROUP);
        // 8 bursts: 0..7, end at 450 ms
        DmrFrames.voiceCall(SLOT1, call, 1).forEach(f -> w.repeater.fromNetwork(f, w.clock.now()));
        w.clock.advance(10_000 * MS);

        // Radios 1 and 3 (slot 1) both key up 1 s after the end: same burst, both garbled, nothing sent. With fixed
        // back-offs they say it again in step, collide each time, and give up after their three retries.
        assertEquals(List.of(), w.sent);
        List<TruthEntry.DmrCollision> collisions = w.truth.entries(TruthEntry.DmrCollision.class);
        assertEquals(8, collisions.size());
        assertEquals(List.of(4_600_003), collisions.get(0).withDmrIds());
        assertEquals(1_500L, w.sinceEpoch(collisions.get(0).airStartMonoNanos()));
        // the first garbled reply (700 ms: 2 superframes, 14 bursts) ends at 2310 ms; 500 ms later they key up
        // again, at the burst of 2820 ms
        assertEquals(2_820L, w.sinceEpoch(collisions.get(2).airStartMonoNanos()));
        assertEquals(2, w.truth.entries(TruthEntry.DmrDelivered.class).size());
        assertEquals(4, w.counters.collisions.get());
        assertEquals(2, w.counters.gaveUp.get());
        assertEquals(List.of("collided", "gave_up", "collided", "gave_up"), w.truth.entries(TruthEntry.DmrKeyUp.class)
                .stream().skip(6).map(TruthEntry.DmrKeyUp::outcome).toList());
    }

    @Test
    void aDispatcherOnTheSlotIsSentToTheNetworkAndItsEndIsWhenRadiosAnswer() {
        DmrTestWorld w = new DmrTestWorld(2, DmrTestWorld.fixedAir(), Set.of());
        w.repeater.dispatch(DISPATCHER, 91, 1, 1); // 8 bursts from 0 on slot 1: ends at 450 ms
        w.clock.advance(5_000 * MS);

        assertEquals(8 + 14, w.sent.size(), "the dispatcher's call, then radio 1's reply (2 superframes)");
        assertTrue(w.sent.subList(0, 8).stream().allMatch(f -> f.source() == DISPATCHER && f.destination() == 91));
        assertTrue(DmrInterpreter.interpret(w.sent.get(7)) instanceof DmrSignal.VoiceTerminator);
        assertEquals(450L, w.sinceEpoch(w.sentAt.get(7)));
        TruthEntry.DmrKeyUp dispatcher = w.truth.entries(TruthEntry.DmrKeyUp.class).get(0);
        assertEquals(List.of("dispatcher", "sent", 450L), List.of(dispatcher.kind(), dispatcher.outcome(),
                w.sinceEpoch(dispatcher.airEndMonoNanos())));
        TruthEntry.DmrReplied reply = w.truth.entries(TruthEntry.DmrReplied.class).get(0);
        assertEquals(4_600_001, reply.dmrId());
        assertEquals(450L, w.sinceEpoch(reply.reachMonoNanos()), "reached by the dispatcher's end");
        assertEquals(1_500L, w.sinceEpoch(reply.airStartMonoNanos()), "1 s later, at the next burst");
        assertEquals(1_530L, w.sinceEpoch(reply.sentMonoNanos()));
    }

    @Test
    void collidedRepliesAreSaidAgainAfterARandomBackOff() {
        DmrRadioBehaviour air = new DmrRadioBehaviour(0, 0, new DelayDistribution.Fixed(Duration.ofSeconds(1)),
                new DelayDistribution.Fixed(Duration.ofMillis(300)),
                new DelayDistribution.Normal(Duration.ofMillis(1500), Duration.ofMillis(600), Duration.ofMillis(300)),
                3);
        DmrTestWorld w = new DmrTestWorld(4, air, Set.of());
        w.repeater.dispatch(DISPATCHER, 91, 1, 1);
        w.clock.advance(20_000 * MS);

        List<TruthEntry.DmrReplied> replies = w.truth.entries(TruthEntry.DmrReplied.class);
        assertTrue(w.counters.collisions.get() > 0, "they collided first");
        assertEquals(2, replies.size(), "then both got through: " + w.truth.entries(TruthEntry.DmrKeyUp.class));
        assertTrue(replies.stream().allMatch(r -> w.sinceEpoch(r.airStartMonoNanos()) > 1_500),
                "after the collision at 1500 ms");
        assertEquals(0, w.counters.gaveUp.get());
    }

    @Test
    void aSingleReplyIsAWholeVoiceCallAndASecondRadioHearsTheSlotBusy() {
        DmrTestWorld w = new DmrTestWorld(4, DmrTestWorld.fixedAir(), Set.of());
        w.repeater.keyUp(4_600_001, 91, 2); // 14 bursts from 0: ends 810 ms
        w.clock.advance(100 * MS);
        w.repeater.keyUp(4_600_003, 91, 1); // busy at 100 ms; tries again 500 ms later: still busy; then at 1100 ms
        w.clock.advance(5_000 * MS);

        assertEquals(14 + 8, w.sent.size());
        assertEquals(30L, w.sinceEpoch(w.sentAt.get(0)));
        assertEquals(4_600_001, w.sent.get(13).source());
        assertTrue(DmrInterpreter.interpret(w.sent.get(13)) instanceof DmrSignal.VoiceTerminator);
        assertEquals(4_600_003, w.sent.get(14).source());
        assertEquals(1_170L, w.sinceEpoch(w.sentAt.get(14)), "retry at 1100 ms, next burst 1140 ms, complete +30");
        assertEquals(2, w.counters.busy.get());
    }
}
