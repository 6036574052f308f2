package dev.outpost.protocol.fleetsync;

/**
 * The FleetSync identity block shared by {@code $PKLID} and {@code $PKLDS}: sentence version, fleet, unit id,
 * status and a reserved extension (docs/protocols/fleetsync.md section 3).
 *
 * @param status 10 to 99 are status values; 00 means none (tolerated: 0 to 99)
 */
public record FleetSyncIdent(int version, int fleet, int unitId, int status, int extension) {
    public FleetSyncIdent {
        check("version", version, 0, 15);
        check("fleet", fleet, 100, 349);
        check("unit id", unitId, 1000, 4999);
        check("status", status, 0, 99);
        check("extension", extension, 0, 99);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + " to " + max);
        }
    }

    /** The five fields as the radio writes them (fixed widths). */
    String format() {
        return String.format(java.util.Locale.ROOT, "%02d,%03d,%04d,%02d,%02d", version, fleet, unitId, status,
                extension);
    }
}
