package dev.outpost.gateway.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A virtual clock that only moves when told to. Used by virtual-time tests and by anything that
 * replays recorded events. The wall clock moves in step with the monotonic one.
 */
public final class ManualClock implements GatewayClock {
    private final Instant wallEpoch;
    private long nanos;

    public ManualClock(Instant wallEpoch) {
        this.wallEpoch = wallEpoch;
    }

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public synchronized long monotonicNanos() {
        return nanos;
    }

    @Override
    public synchronized Instant wallNow() {
        return wallEpoch.plusNanos(nanos);
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + d);
        }
        nanos += d.toNanos();
    }

    public synchronized void advanceTo(long monotonicNanos) {
        if (monotonicNanos < nanos) {
            throw new IllegalArgumentException("time does not go backwards: " + monotonicNanos + " < " + nanos);
        }
        nanos = monotonicNanos;
    }
}
