package dev.outpost.simulator.fleetsync;

import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.fleetsync.FleetSyncDecoder;
import dev.outpost.protocol.fleetsync.FleetSyncFrame;
import dev.outpost.protocol.fleetsync.FleetSyncIdent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** The sentences a Kenwood radio writes for a key-up, through the protocol module's encoder. Pure. */
final class FleetSyncSentenceMaker {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMyy").withZone(ZoneOffset.UTC);
    private static final int CHECKSUM_FROM_END = 4; // "hh\r\n"

    private FleetSyncSentenceMaker() {
    }

    /** The unit's identity block; null if its {@code fleetsync_id} is absent or not {@code FFF-IIII}. */
    static FleetSyncIdent ident(Unit unit, int status) {
        String id = unit.fleetsyncId();
        if (id == null || !id.matches("\\d{3}-\\d{4}")) {
            return null;
        }
        return new FleetSyncIdent(0, Integer.parseInt(id.substring(0, 3)), Integer.parseInt(id.substring(4)), status,
                0);
    }

    static String pttId(FleetSyncIdent ident) {
        return FleetSyncDecoder.encode(new FleetSyncFrame.Id(ident));
    }

    /** A {@code $PKLDS} with the unit's registry position at {@code at}, or null if it has none. */
    static String position(Unit unit, FleetSyncIdent ident, Instant at) {
        if (!unit.hasPosition()) {
            return null;
        }
        double lat = unit.lat();
        double lon = unit.lon();
        return FleetSyncDecoder.encode(new FleetSyncFrame.Position(UTC.format(at), true,
                coordinate(Math.abs(lat), "%02d"), lat < 0 ? 'S' : 'N', coordinate(Math.abs(lon), "%03d"),
                lon < 0 ? 'W' : 'E', "0.0", "0.0", DATE.format(at), "", ident));
    }

    /** {@code sentence} with its checksum replaced by a different one (the text itself is intact). */
    static String corrupt(String sentence, SplittableRandom random) {
        int at = sentence.length() - CHECKSUM_FROM_END;
        int good = Integer.parseInt(sentence.substring(at, at + 2), 16);
        int bad = good ^ (1 + random.nextInt(255));
        return sentence.substring(0, at) + String.format(Locale.ROOT, "%02X", bad) + sentence.substring(at + 2);
    }

    /** Degrees to {@code ddmm.mmmm} / {@code dddmm.mmmm}; minutes never round up to 60. */
    private static String coordinate(double degrees, String degreeFormat) {
        int whole = (int) degrees;
        double minutes = Math.min(59.9999, (degrees - whole) * 60);
        return String.format(Locale.ROOT, degreeFormat, whole) + String.format(Locale.ROOT, "%07.4f", minutes);
    }
}
