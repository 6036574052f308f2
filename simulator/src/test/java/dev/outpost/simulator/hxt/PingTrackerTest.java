package dev.outpost.simulator.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PingTrackerTest {

    @Test
    void dropsAfterTheAllowedNumberOfUnansweredPings() {
        PingTracker tracker = new PingTracker(2);
        assertEquals(new PingTracker.Tick.SendPing(1), tracker.tick());
        assertEquals(new PingTracker.Tick.SendPing(2), tracker.tick());
        assertEquals(new PingTracker.Tick.Drop(2), tracker.tick());
    }

    @Test
    void anAnswerToAnyOutstandingPingResetsTheCount() {
        PingTracker tracker = new PingTracker(2);
        tracker.tick();
        tracker.tick();
        assertTrue(tracker.pong(1)); // a slow answer to the older ping still proves liveness
        assertEquals(0, tracker.unanswered());
        assertEquals(new PingTracker.Tick.SendPing(3), tracker.tick());
    }

    @Test
    void staleOrBogusNoncesDoNotCount() {
        PingTracker tracker = new PingTracker(1);
        tracker.tick();
        assertTrue(tracker.pong(1));
        assertFalse(tracker.pong(1)); // nothing outstanding any more
        tracker.tick();
        assertFalse(tracker.pong(1)); // answers an already-answered ping
        assertFalse(tracker.pong(99)); // never sent
        assertEquals(new PingTracker.Tick.Drop(1), tracker.tick());
    }
}
