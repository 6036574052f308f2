package dev.outpost.gateway.time;

import java.time.Instant;

/**
 * The gateway's only source of time. Latency is measured on {@link #monotonicNanos()}; the wall
 * clock is for the record (timestamps people read). Tests inject a virtual clock.
 */
public interface GatewayClock {
    /** Monotonic nanoseconds, comparable only with other values from the same clock. */
    long monotonicNanos();

    /** Wall-clock time, for timestamps in reports and MQTT payloads. */
    Instant wallNow();

    /** The real clock: {@link System#nanoTime()} (CLOCK_MONOTONIC on Linux) and the system UTC clock. */
    static GatewayClock system() {
        return SystemGatewayClock.INSTANCE;
    }
}
