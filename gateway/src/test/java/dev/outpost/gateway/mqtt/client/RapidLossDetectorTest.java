package dev.outpost.gateway.mqtt.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RapidLossDetectorTest {
    private static final long SECOND = 1_000_000_000L;
    private final RapidLossDetector detector = new RapidLossDetector(10 * SECOND, 120 * SECOND, 3);

    @Test
    void threeShortLivedConnectionsInAWindowAreABurst() {
        assertFalse(detector.onLoss(0, 2 * SECOND));
        assertFalse(detector.onLoss(3 * SECOND, 5 * SECOND));
        assertTrue(detector.onLoss(6 * SECOND, 8 * SECOND));
        assertFalse(detector.onLoss(9 * SECOND, 10 * SECOND), "a reported burst starts the count afresh");
    }

    @Test
    void aLongLivedConnectionResetsTheCount() {
        detector.onLoss(0, SECOND);
        detector.onLoss(2 * SECOND, 3 * SECOND);
        assertFalse(detector.onLoss(4 * SECOND, 60 * SECOND));
        assertFalse(detector.onLoss(61 * SECOND, 62 * SECOND));
    }

    @Test
    void shortLossesFarApartAreNotABurst() {
        detector.onLoss(0, SECOND);
        detector.onLoss(100 * SECOND, 101 * SECOND);
        assertFalse(detector.onLoss(300 * SECOND, 301 * SECOND));
    }
}
