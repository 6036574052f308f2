package dev.outpost.gateway.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecomputeGateTest {
    private static final long SECOND = 1_000_000_000L;

    private static RecomputeGate gate() {
        return new RecomputeGate(Duration.ofSeconds(5), Duration.ofMinutes(10));
    }

    @Test
    void aMusterThatFinishesAloneIsFollowedByARecomputeAfterTheQuietPeriod() {
        RecomputeGate gate = gate();
        gate.started("m1", 0);
        assertEquals(OptionalLong.of(25 * SECOND), gate.finished("m1", 20 * SECOND));
        assertTrue(gate.attempt(25 * SECOND));
        assertFalse(gate.attempt(26 * SECOND), "once per due recompute");
    }

    @Test
    void aMusterStartedRightAfterTheLastOneFinishedPutsItOffUntilItFinishes() {
        RecomputeGate gate = gate();
        gate.started("street", 0);
        long attemptAt = gate.finished("street", 15 * SECOND).orElseThrow();
        gate.started("district", 15 * SECOND + 50_000_000L); // the next drill, 50 ms later
        assertFalse(gate.attempt(attemptAt), "the district muster runs");
        assertEquals(OptionalLong.of(38 * SECOND), gate.finished("district", 33 * SECOND));
        assertTrue(gate.attempt(38 * SECOND));
    }

    @Test
    void whileAnotherRunsAFinishSchedulesNothing() {
        RecomputeGate gate = gate();
        gate.started("m1", 0);
        gate.started("m2", SECOND);
        assertEquals(OptionalLong.empty(), gate.finished("m1", 5 * SECOND), "m2 still runs");
        assertEquals(OptionalLong.of(25 * SECOND), gate.finished("m2", 20 * SECOND));
        assertEquals(OptionalLong.of(26 * SECOND), gate.finished("never-started", 21 * SECOND),
                "an unknown finish is harmless: one more attempt");
        assertTrue(gate.attempt(25 * SECOND));
        assertFalse(gate.attempt(26 * SECOND));
    }

    @Test
    void overlappingMustersDeferItAtMostTheBound() {
        RecomputeGate gate = gate();
        gate.started("a", 0);
        gate.started("b", 0);
        assertEquals(OptionalLong.empty(), gate.finished("a", 0));
        gate.started("c", 300 * SECOND);
        assertEquals(OptionalLong.empty(), gate.finished("b", 599 * SECOND));
        gate.started("d", 599 * SECOND);
        assertEquals(OptionalLong.of(600 * SECOND), gate.finished("c", 600 * SECOND), "due for ten minutes");
        assertTrue(gate.attempt(600 * SECOND), "recomputed although d runs");
        assertEquals(OptionalLong.empty(), gate.finished("e", 601 * SECOND), "a new due one waits for d again");
    }
}
