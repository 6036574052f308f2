package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.Objects;

/** One instant on both gateway clocks: monotonic nanoseconds (for latency) and the wall clock (for the record). */
record Stamp(long nanos, Instant wall) {
    Stamp {
        Objects.requireNonNull(wall, "wall");
    }

    static Stamp now(GatewayClock clock) {
        return new Stamp(clock.monotonicNanos(), clock.wallNow());
    }
}
