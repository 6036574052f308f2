package dev.outpost.config;

/** A latitude/longitude box (degrees, inclusive). Units added or moved over MQTT must lie inside it. */
public record GeoBounds(double minLat, double maxLat, double minLon, double maxLon) {
    public GeoBounds {
        if (!(minLat <= maxLat) || !(minLon <= maxLon) || minLat < -90 || maxLat > 90 || minLon < -180
                || maxLon > 180) {
            throw new IllegalArgumentException("not a box: " + minLat + ".." + maxLat + ", " + minLon + ".." + maxLon);
        }
    }

    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    @Override
    public String toString() {
        return "lat " + minLat + ".." + maxLat + ", lon " + minLon + ".." + maxLon;
    }
}
