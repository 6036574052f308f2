package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.Dmrd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotChannelTest {
    private static final long MS = 1_000_000L;
    private static final long EPOCH = 1_000 * MS;
    private static final DmrRoute ROUTE = new DmrRoute(1, 1, 1, true);

    private final VirtualScheduler clock = new VirtualScheduler(EPOCH);
    private final List<String> events = new ArrayList<>();
    private final SlotListener recorder = new SlotListener() {
        @Override
        public void downlinkOnAir(SlotChannel.Downlink d, long burst, long start, long end) {
            events.add("down " + burst + " " + (start - EPOCH) / MS + ".." + (end - EPOCH) / MS + " @" + at());
        }

        @Override
        public void uplinkBurst(SlotChannel.Uplink u, int index, long start, long end) {
            events.add("up " + u.source() + "#" + index + " from " + (start - EPOCH) / MS + " @" + at());
        }

        @Override
        public void uplinkCollided(List<SlotChannel.Uplink> all, long start, long end) {
            events.add("collision " + all.stream().map(SlotChannel.Uplink::source).toList() + " "
                    + (start - EPOCH) / MS + ".." + (end - EPOCH) / MS + " @" + at());
        }

        @Override
        public void uplinkBusy(SlotChannel.Uplink u, long now) {
            events.add("busy " + u.source() + " @" + at());
        }
    };

    private long at() {
        return (clock.now() - EPOCH) / MS;
    }

    private static Dmrd burst() {
        return DmrFrames.radioCheck(ROUTE, 7, 0, 100, 200);
    }

    private static SlotChannel.Uplink uplink(int source, int bursts) {
        List<Dmrd> frames = new ArrayList<>();
        for (int i = 0; i < bursts; i++) {
            frames.add(burst());
        }
        return new SlotChannel.Uplink(source, frames, null);
    }

    @Test
    void downlinkWaitsForTheNextBurstBoundaryAndIsCompleteThirtyMillisecondsLater() {
        SlotChannel slot1 = new SlotChannel(1, EPOCH, clock, recorder);
        clock.advance(10 * MS);
        slot1.sendDownlink(new SlotChannel.Downlink(burst(), 0, clock.now(), null));
        slot1.sendDownlink(new SlotChannel.Downlink(burst(), 0, clock.now(), null));
        clock.advance(500 * MS);
        assertEquals(List.of("down 1 60..90 @90", "down 2 120..150 @150"), events);
    }

    @Test
    void slotTwoIsThirtyMillisecondsAfterSlotOne() {
        SlotChannel slot2 = new SlotChannel(2, EPOCH, clock, recorder);
        slot2.sendDownlink(new SlotChannel.Downlink(burst(), 0, clock.now(), null));
        clock.advance(500 * MS);
        assertEquals(List.of("down 0 30..60 @60"), events);
    }

    @Test
    void heldBurstsCarryTheAnswerAndKeepOtherTrafficOff() {
        SlotChannel slot1 = new SlotChannel(1, EPOCH, clock, recorder);
        // Request in burst 0, hold 2: the ack goes in burst 2; the second request waits for burst 3.
        slot1.sendDownlink(new SlotChannel.Downlink(burst(), 2, clock.now(), null));
        slot1.sendDownlink(new SlotChannel.Downlink(burst(), 1, clock.now(), null));
        clock.advance(31 * MS);
        slot1.transmitHeld(uplink(5, 1), 2);
        clock.advance(50 * MS);
        slot1.keyUp(uplink(6, 1)); // at 81 ms, bursts 1-2 held: busy
        clock.advance(400 * MS);
        assertEquals(List.of("down 0 0..30 @30", "busy 6 @81", "up 5#0 from 120 @150", "down 3 180..210 @210"),
                events);
        assertThrows(IllegalStateException.class, () -> slot1.transmitHeld(uplink(5, 1), 9));
    }

    @Test
    void twoRadiosKeyingUpWithinOneBurstCollideForTheLongerOnesLength() {
        SlotChannel slot1 = new SlotChannel(1, EPOCH, clock, recorder);
        clock.advance(70 * MS);
        slot1.keyUp(uplink(1, 3));
        clock.advance(40 * MS); // 110 ms: still before burst 2 at 120 ms
        slot1.keyUp(uplink(2, 8));
        clock.advance(100 * MS);
        slot1.keyUp(uplink(3, 1)); // during the collision: busy
        clock.advance(1_000 * MS);
        assertEquals(List.of("busy 3 @210", "collision [1, 2] 120..570 @570"), events);
        assertEquals(10, slot1.nextFreeBurst());
    }

    @Test
    void radioTrafficGoesFirstAndItsBurstsLeaveAsEachIsComplete() {
        SlotChannel slot1 = new SlotChannel(1, EPOCH, clock, recorder);
        clock.advance(5 * MS);
        slot1.sendDownlink(new SlotChannel.Downlink(burst(), 0, clock.now(), null));
        slot1.keyUp(uplink(9, 2));
        clock.advance(400 * MS);
        assertEquals(List.of("up 9#0 from 60 @90", "up 9#1 from 60 @150", "down 3 180..210 @210"), events);
        assertTrue(slot1.queuedDownlink() == 0);
    }
}
