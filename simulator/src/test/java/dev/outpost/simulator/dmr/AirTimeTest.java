package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AirTimeTest {
    @Test
    void aTransmissionEndsWhenItsLastBurstIsComplete() {
        assertEquals(30_000_000L, AirTime.end(0, 1));
        assertEquals(2 * 60_000_000L + 30_000_000L, AirTime.end(0, 3));
    }

    @Test
    void repeatersRunAtTheirOwnFixedPhaseSpreadOverTheFrame() {
        Set<Long> phases = new HashSet<>();
        for (long peer = 311_000_101L; peer < 311_000_121L; peer++) {
            long phase = AirTime.phaseOf(peer);
            assertTrue(phase >= 0 && phase < AirTime.BURST_PERIOD_NANOS, "within one frame: " + phase);
            assertEquals(0, phase % 1_000_000L, "whole milliseconds");
            assertEquals(phase, AirTime.phaseOf(peer), "fixed per repeater");
            phases.add(phase);
        }
        // Twenty consecutive peer ids land on at least ten distinct phases (not one shared instant).
        assertTrue(phases.size() >= 10, "spread: " + phases);
    }
}
