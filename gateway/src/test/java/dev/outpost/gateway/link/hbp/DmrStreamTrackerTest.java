package dev.outpost.gateway.link.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.Dmrd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Streams and acks in virtual time: every frame gets the instant the test says. */
class DmrStreamTrackerTest {
    private static final long MS = 1_000_000L;
    private static final DmrRoute ROUTE = new DmrRoute(312000, 1, 1, false);
    private final DmrStreamTracker tracker = new DmrStreamTracker(Duration.ofMillis(360));

    private static Stamp at(long millis) {
        return new Stamp(millis * MS, Instant.EPOCH.plusMillis(millis));
    }

    private static List<Dmrd> call(int talker, long streamId) {
        return DmrFrames.voiceCall(ROUTE, new DmrRoute.Stream(streamId, talker, 46001, Dmrd.CallType.GROUP), 1);
    }

    @Test
    void headerStartsAndTerminatorEnds() {
        List<Dmrd> frames = call(2001, 1);
        List<DmrStreamTracker.Change> changes = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            changes.addAll(tracker.onFrame(frames.get(i), at(60L * i)));
        }

        assertEquals(2, changes.size());
        DmrStreamTracker.Started start = assertInstanceOf(DmrStreamTracker.Started.class, changes.get(0));
        assertEquals(false, start.lateEntry());
        assertEquals(0, start.at().nanos());
        DmrStreamTracker.Ended end = assertInstanceOf(DmrStreamTracker.Ended.class, changes.get(1));
        assertEquals(DmrStreamTracker.EndReason.TERMINATOR, end.reason());
        assertEquals(60L * 7 * MS, end.at().nanos());
        assertEquals(OptionalLong.empty(), tracker.nextDeadline());
    }

    @Test
    void lateEntryStartsAtTheFirstBurstAndSilenceEndsItAtTheLastFrameHeard() {
        List<Dmrd> frames = call(2001, 2).subList(3, 6); // header and bursts A, B lost; no terminator

        DmrStreamTracker.Started start = assertInstanceOf(DmrStreamTracker.Started.class,
                tracker.onFrame(frames.get(0), at(100)).get(0));
        tracker.onFrame(frames.get(1), at(160));
        tracker.onFrame(frames.get(2), at(220));

        assertTrue(start.lateEntry());
        assertEquals(OptionalLong.of(580 * MS), tracker.nextDeadline());
        assertEquals(List.of(), tracker.expire(579 * MS), "359 ms of silence is not yet an end");
        DmrStreamTracker.Ended end = assertInstanceOf(DmrStreamTracker.Ended.class, tracker.expire(580 * MS).get(0));
        assertEquals(DmrStreamTracker.EndReason.SILENCE, end.reason());
        assertEquals(220 * MS, end.at().nanos(), "stamped when the talker stopped, not when we noticed");
        assertEquals(List.of(), tracker.onFrame(call(2001, 2).get(7), at(700)), "a late terminator starts nothing");
    }

    @Test
    void anotherStreamOnTheSlotEndsTheFirst() {
        tracker.onFrame(call(2001, 3).get(0), at(0));

        List<DmrStreamTracker.Change> changes = tracker.onFrame(call(2002, 4).get(0), at(100));

        assertEquals(DmrStreamTracker.EndReason.PREEMPTED,
                assertInstanceOf(DmrStreamTracker.Ended.class, changes.get(0)).reason());
        assertEquals(2002, assertInstanceOf(DmrStreamTracker.Started.class, changes.get(1)).frame().source());
        assertEquals(1, tracker.openStreams());
    }

    @Test
    void slotsAreIndependentAndCsbksAreNoVoice() {
        DmrRoute slot2 = new DmrRoute(312000, 2, 1, false);
        tracker.onFrame(call(2001, 5).get(0), at(0));
        tracker.onFrame(DmrFrames.voiceCall(slot2, new DmrRoute.Stream(6, 2002, 9, Dmrd.CallType.GROUP), 1).get(0),
                at(10));

        assertEquals(2, tracker.openStreams());
        assertEquals(List.of(), tracker.onFrame(DmrFrames.radioCheck(ROUTE, 7, 0, 9, 2001), at(20)));
    }

    @Test
    void trafficCreditsAcksToTheCallThatAskedAndIgnoresOurOwnRequests() {
        List<UnitEvent> events = new ArrayList<>();
        DmrTraffic traffic = new DmrTraffic(9, tracker, new DmrCallBook(10),
                new DmrEventMapper("dmr", UnitRegistry::empty), tg -> true, events::add);
        traffic.calls().sent(CallMethod.POLL, 2001, "poll-1");
        traffic.calls().sent(CallMethod.CONFIRM, 2001, "alert-1");

        traffic.onFrame(DmrFrames.radioCheck(ROUTE, 1, 0, 9, 2001), at(0));
        traffic.onFrame(DmrFrames.radioCheckAck(ROUTE, 2, 0, 2001, 9), at(120));
        traffic.onFrame(DmrFrames.callAlertAck(ROUTE, 3, 0, 2001, 9), at(240));
        traffic.onFrame(DmrFrames.radioCheckAck(ROUTE, 4, 0, 2002, 9), at(360));
        traffic.onFrame(DmrFrames.radioCheckAck(ROUTE, 5, 0, 2003, 77), at(480));

        assertEquals(List.of(new EventPayload.Ack("poll-1", null, null), new EventPayload.Ack("alert-1", null, null),
                new EventPayload.Ack(null, null, null)), events.stream().map(UnitEvent::payload).toList());
        assertEquals(List.of("2001", "2001", "2002"), events.stream().map(UnitEvent::address).toList());
        assertEquals(120 * MS, events.get(0).receivedNanos());
    }
}
