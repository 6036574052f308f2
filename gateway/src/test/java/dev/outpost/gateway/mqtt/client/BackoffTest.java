package dev.outpost.gateway.mqtt.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void doublesPerAttemptWithHalfFixedAndHalfJitter() {
        assertEquals(Duration.ofMillis(250), backoff.delay(1, () -> 0.0));
        assertEquals(Duration.ofMillis(500), backoff.delay(1, () -> 1.0));
        assertEquals(Duration.ofMillis(500), backoff.delay(2, () -> 0.0));
        assertEquals(Duration.ofMillis(2000), backoff.delay(3, () -> 1.0));
        assertEquals(Duration.ofMillis(3000), backoff.delay(4, () -> 0.5));
    }

    @Test
    void neverExceedsTheMaximumEvenAfterManyAttempts() {
        assertEquals(Duration.ofSeconds(30), backoff.delay(7, () -> 1.0));
        assertEquals(Duration.ofSeconds(15), backoff.delay(1_000, () -> 0.0));
        assertEquals(Duration.ofSeconds(30), backoff.delay(Integer.MAX_VALUE, () -> 1.0));
    }

    @Test
    void rejectsAnEmptyOrInvertedRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
