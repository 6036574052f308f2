package dev.outpost.simulator.truth;

import java.time.Instant;

/**
 * One line of the ground truth. Monotonic instants are {@code System.nanoTime()} values, which on
 * Linux read CLOCK_MONOTONIC and so compare across processes on the same machine.
 */
public sealed interface TruthEntry {

    String unitId();

    /** A simulated unit's traits, written once per unit at start-up. */
    record UnitTraits(String unitId, String user, boolean online, String answering) implements TruthEntry {
    }

    /** A roll call reached a unit (the server read the frame). */
    record CallReceived(String callId, String unitId, String user, String mode, long recvMonoNanos, Instant recvWall)
            implements TruthEntry {
    }

    /** The server refused to deliver a call to a unit (offline or unknown user). */
    record CallRefused(String callId, String unitId, String user, String reason, long recvMonoNanos, Instant recvWall)
            implements TruthEntry {
    }

    /**
     * A unit's reply left the server. {@code delayNanos} is the true delay: send instant minus the
     * receive instant of the call it answers; {@code plannedDelayNanos} is the sampled delay the
     * scheduler aimed for (the difference is scheduling jitter).
     */
    record ReplySent(String callId, String unitId, String user, String status, long recvMonoNanos, long sendMonoNanos,
            Instant sendWall, long delayNanos, long plannedDelayNanos) implements TruthEntry {
    }
}
