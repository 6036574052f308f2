package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Unit;

/**
 * Great-circle distance on a sphere of radius {@value #EARTH_RADIUS_METRES} m (the IUGG mean Earth
 * radius), by the haversine formula. A sphere, not the WGS84 ellipsoid: at district scale the
 * difference is a few tenths of a percent and it is the same for every unit, so rankings barely
 * move; what matters is that every caller ranks with this one function.
 */
public final class GreatCircle {
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GreatCircle() {
    }

    /** Metres between two positions in degrees; exact for any pair, antimeridian and poles included. */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double halfDeltaPhi = Math.toRadians(lat2 - lat1) / 2;
        double halfDeltaLambda = Math.toRadians(lon2 - lon1) / 2;
        double sinPhi = Math.sin(halfDeltaPhi);
        double sinLambda = Math.sin(halfDeltaLambda);
        double a = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        // Rounding can push a a hair above 1 for antipodal pairs; asin would then return NaN.
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1.0, a)));
    }

    /**
     * Whether a unit's position can be used: both coordinates present, finite, latitude within
     * ±90° and longitude within ±180°. The registry parser already enforces this for CSV rows; units
     * built in code are checked again here so that one bad row cannot poison the index.
     */
    public static boolean hasUsablePosition(Unit unit) {
        return unit.hasPosition()
                && Double.isFinite(unit.lat()) && Math.abs(unit.lat()) <= 90
                && Double.isFinite(unit.lon()) && Math.abs(unit.lon()) <= 180;
    }

    /** The point on the unit sphere for a position in degrees, as {x, y, z}. */
    static double[] unitVector(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double cosPhi = Math.cos(phi);
        return new double[] {cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)};
    }
}
