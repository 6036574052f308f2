package dev.outpost.gateway.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxMessages    undelivered durable messages kept at most; the oldest is evicted to make room
 * @param maxAge         undelivered durable messages older than this are evicted
 * @param memoryMessages messages held in memory; a longer backlog waits on disk and is read back in pages
 */
public record OutboxLimits(long maxMessages, Duration maxAge, int memoryMessages) {
    public OutboxLimits {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxMessages < 1 || memoryMessages < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("outbox limits must be positive: " + maxMessages + ", " + maxAge
                    + ", " + memoryMessages);
        }
    }
}
