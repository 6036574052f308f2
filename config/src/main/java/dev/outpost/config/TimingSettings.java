package dev.outpost.config;

import java.util.Objects;

/**
 * How the threads that timestamp wire traffic are scheduled. A muster's latency is the time between two such
 * stamps, so a stamping thread that waits for a core behind other work makes latencies wrong by that wait; on a
 * loaded box, real-time priority keeps the wait near zero (docs/operations.md, "Timestamping threads").
 *
 * @param realtime whether to ask the kernel for real-time scheduling of those threads
 * @param priority the SCHED_FIFO priority asked for, 1 (lowest) to 99
 */
public record TimingSettings(Realtime realtime, int priority) {
    public static final int DEFAULT_PRIORITY = 10;
    public static final int MAX_PRIORITY = 99;

    /**
     * {@code auto}: ask, and run at normal priority (saying so once) when the system refuses; {@code off}: never
     * ask.
     */
    public enum Realtime {
        AUTO, OFF;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TimingSettings {
        Objects.requireNonNull(realtime, "realtime");
        if (priority < 1 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be 1-" + MAX_PRIORITY + ": " + priority);
        }
    }

    public static TimingSettings defaults() {
        return new TimingSettings(Realtime.AUTO, DEFAULT_PRIORITY);
    }
}
