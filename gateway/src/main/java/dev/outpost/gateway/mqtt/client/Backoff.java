package dev.outpost.gateway.mqtt.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the delay for attempt n is half of {@code min * 2^(n-1)} (capped at
 * {@code max}) plus a random share of the other half. The random half spreads out gateways that lost the same
 * broker at the same moment; the fixed half keeps a floor so retries never hammer.
 */
public record Backoff(Duration min, Duration max) {

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
    }

    /** @param attempt 1 for the first retry; {@code random} yields values in [0, 1) */
    public Duration delay(int attempt, DoubleSupplier random) {
        long maxNanos = max.toNanos();
        long ceiling = min.toNanos();
        for (int i = 1; i < attempt && ceiling < maxNanos; i++) {
            ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
        }
        long half = ceiling / 2;
        long jitter = (long) (random.getAsDouble() * (ceiling - half));
        return Duration.ofNanos(Math.max(half + jitter, 1));
    }
}
