package dev.outpost.gateway.link.hxt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delays with "equal jitter": attempt n waits a random time in
 * [ceiling/2, ceiling], ceiling = min(max, min * 2^n), and never less than min. Jitter keeps many
 * gateways from reconnecting in lockstep after a server drops them all at once. Not thread-safe.
 */
final class ReconnectBackoff {
    private static final int MAX_DOUBLINGS = 30;

    private final long minNanos;
    private final long maxNanos;
    private final DoubleSupplier random;
    private int attempts;

    /** @param random uniform values in [0, 1) */
    ReconnectBackoff(Duration min, Duration max, DoubleSupplier random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    Duration nextDelay() {
        long ceiling = minNanos;
        for (int i = 0; i < attempts && ceiling < maxNanos; i++) {
            ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
        }
        ceiling = Math.min(ceiling, maxNanos);
        attempts = Math.min(attempts + 1, MAX_DOUBLINGS);
        long half = ceiling / 2;
        long delay = half + (long) (random.getAsDouble() * (ceiling - half));
        return Duration.ofNanos(Math.max(minNanos, Math.min(delay, maxNanos)));
    }

    /** After a connection that reached ONLINE: the next failure starts again at min. */
    void reset() {
        attempts = 0;
    }
}
