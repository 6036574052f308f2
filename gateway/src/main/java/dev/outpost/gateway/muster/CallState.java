package dev.outpost.gateway.muster;

import java.time.Instant;
import java.util.List;

/** One call the engine asked for: its units, and what became of it. Mutable; owned by the engine. */
final class CallState {
    final String callRef;
    /** Order of creation within the muster: breaks ties between calls that end at the same instant. */
    final long serial;
    final LinkLane lane;
    final int attempt;
    final List<UnitState> units;
    final long dispatchNanos;

    boolean receipted;
    long sentNanos;
    Instant sentAt;
    boolean failed;
    /** The attempt's timer fired; its units moved on (retry or final outcome). */
    boolean expired;
    /** Counted against the link's in-flight limit until a receipt, a failure or expiry. */
    boolean inFlight = true;
    /** The attempt's end as filed in the open calls ({@link CallBook}); refiled when the receipt moves it. */
    long filedExpiry;

    CallState(String callRef, long serial, LinkLane lane, int attempt, List<UnitState> units, long dispatchNanos) {
        this.callRef = callRef;
        this.serial = serial;
        this.lane = lane;
        this.attempt = attempt;
        this.units = List.copyOf(units);
        this.dispatchNanos = dispatchNanos;
    }

    /** The end of this attempt: the timeout counted from the send instant (the dispatch until a receipt says). */
    long expiryNanos(long attemptTimeoutNanos, long musterDeadlineNanos) {
        long start = receipted ? sentNanos : dispatchNanos;
        return Math.min(start + attemptTimeoutNanos, musterDeadlineNanos);
    }

    /** Neither receipted nor failed: it may still turn out to have been sent. */
    boolean unresolved() {
        return !receipted && !failed;
    }

    void releaseSlot() {
        if (inFlight) {
            inFlight = false;
            lane.inFlight--;
        }
    }
}
