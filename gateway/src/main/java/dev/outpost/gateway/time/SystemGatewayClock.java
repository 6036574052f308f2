package dev.outpost.gateway.time;

import java.time.Instant;

/** The real clock. Stateless, so a single instance is fine (it is not a mutable global). */
enum SystemGatewayClock implements GatewayClock {
    INSTANCE;

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public Instant wallNow() {
        return Instant.now();
    }
}
