package dev.outpost.gateway.link.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Backoff math with a scripted random source: no clock and no sleeping involved. */
class ReconnectBackoffTest {
    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    private static ReconnectBackoff withRandom(double... values) {
        PrimitiveIterator.OfDouble it = DoubleStream.of(values).iterator();
        return new ReconnectBackoff(MIN, MAX, it::nextDouble);
    }

    private static List<Long> delaysMillis(ReconnectBackoff backoff, int count) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(backoff.nextDelay().toMillis());
        }
        return out;
    }

    @Test
    void topOfTheJitterRangeDoublesUpToTheMaximum() {
        ReconnectBackoff backoff = withRandom(1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L),
                delaysMillis(backoff, 9));
    }

    @Test
    void bottomOfTheJitterRangeIsHalfTheCeilingButNeverBelowTheMinimum() {
        ReconnectBackoff backoff = withRandom(0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(List.of(500L, 500L, 1000L, 2000L, 4000L, 8000L, 15000L, 15000L), delaysMillis(backoff, 8));
    }

    @Test
    void jitterLandsInsideTheRange() {
        ReconnectBackoff backoff = withRandom(0.5, 0.5, 0.5);
        assertEquals(List.of(500L, 750L, 1500L), delaysMillis(backoff, 3));
    }

    @Test
    void resetStartsAgainAtTheMinimum() {
        ReconnectBackoff backoff = withRandom(1, 1, 1, 1);
        delaysMillis(backoff, 3);
        backoff.reset();
        assertEquals(500L, backoff.nextDelay().toMillis());
    }

    @Test
    void manyAttemptsStayWithinBoundsAndDoNotOverflow() {
        Random random = new Random(42);
        ReconnectBackoff backoff = new ReconnectBackoff(MIN, MAX, random::nextDouble);
        for (int i = 0; i < 1000; i++) {
            Duration d = backoff.nextDelay();
            assertTrue(d.compareTo(MIN) >= 0 && d.compareTo(MAX) <= 0, d.toString());
        }
    }
}
