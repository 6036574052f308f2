package dev.outpost.gateway.link.hbp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between login attempts of the peer link: doubling from {@code min} up to {@code max}, each drawn uniformly
 * from the upper half of its step so that gateways dropped together do not return together. Not thread-safe.
 */
final class JitteredBackoff {
    private final Duration min;
    private final Duration max;
    private final DoubleSupplier uniform;
    private Duration step;

    /** @param uniform values in [0, 1) */
    JitteredBackoff(Duration min, Duration max, DoubleSupplier uniform) {
        this.min = min;
        this.max = max;
        this.uniform = uniform;
        this.step = min;
    }

    Duration next() {
        Duration current = step;
        step = step.compareTo(max.dividedBy(2)) > 0 ? max : step.multipliedBy(2);
        long half = current.toNanos() / 2;
        Duration delay = Duration.ofNanos(half + (long) (uniform.getAsDouble() * (current.toNanos() - half)));
        return delay.compareTo(min) < 0 ? min : delay;
    }

    void reset() {
        step = min;
    }
}
