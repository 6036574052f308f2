package dev.outpost.gateway.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import org.junit.jupiter.api.Test;

class GreatCircleTest {
    private static final double ONE_DEGREE_METRES = 111_195.0802335329;

    @Test
    void oneDegreeAlongTheEquatorAndAcrossTheAntimeridian() {
        assertEquals(ONE_DEGREE_METRES, GreatCircle.distanceMetres(0, 10, 0, 11), 1e-6);
        assertEquals(ONE_DEGREE_METRES, GreatCircle.distanceMetres(0, 179.5, 0, -179.5), 1e-6);
        assertEquals(ONE_DEGREE_METRES, GreatCircle.distanceMetres(-0.5, 42, 0.5, 42), 1e-6);
    }

    @Test
    void polesAndAntipodes() {
        assertEquals(0, GreatCircle.distanceMetres(90, 0, 90, 123), 1e-6, "every longitude is the pole");
        assertEquals(10_007_557.221017962, GreatCircle.distanceMetres(0, 0, 90, 0), 1e-6);
        assertEquals(20_015_114.442035925, GreatCircle.distanceMetres(0, 0, 0, 180), 1e-6);
        assertEquals(20_015_114.442035925, GreatCircle.distanceMetres(23.1, 113.3, -23.1, -66.7), 1e-3);
    }

    @Test
    void aBlockInTianheIsAboutAHundredMetres() {
        // 0.001° of latitude is 111.2 m anywhere; 0.001° of longitude shrinks by cos(23.1°).
        assertEquals(111.195, GreatCircle.distanceMetres(23.1, 113.3, 23.101, 113.3), 1e-3);
        assertEquals(111.195 * Math.cos(Math.toRadians(23.1)), GreatCircle.distanceMetres(23.1, 113.3, 23.1, 113.301), 1e-3);
    }

    @Test
    void chordOrderIsGreatCircleOrder() {
        double[] origin = GreatCircle.unitVector(23.1, 113.3);
        double previous = -1;
        for (double lat = 23.1; lat > -90; lat -= 7.3) {
            double chord = SphereKdTree.chordSquared(origin, GreatCircle.unitVector(lat, 113.3));
            assertTrue(chord > previous, "chord grows with distance at lat " + lat);
            previous = chord;
        }
    }

    @Test
    void onlyCompleteFiniteInRangePositionsAreUsable() {
        assertTrue(GreatCircle.hasUsablePosition(RandomRegistries.unit("a", 90.0, -180.0, Lifecycle.ACTIVE)));
        assertFalse(GreatCircle.hasUsablePosition(RandomRegistries.unit("b", null, null, Lifecycle.ACTIVE)));
        assertFalse(GreatCircle.hasUsablePosition(RandomRegistries.unit("c", 23.0, null, Lifecycle.ACTIVE)));
        assertFalse(GreatCircle.hasUsablePosition(RandomRegistries.unit("d", Double.NaN, 113.0, Lifecycle.ACTIVE)));
        assertFalse(GreatCircle.hasUsablePosition(RandomRegistries.unit("e", 91.0, 113.0, Lifecycle.ACTIVE)));
        assertFalse(GreatCircle.hasUsablePosition(RandomRegistries.unit("f", 23.0, 181.0, Lifecycle.ACTIVE)));
    }
}
