package dev.outpost.protocol.fleetsync;

import java.util.Objects;

/** What {@link FleetSyncDecoder} makes of one sentence. */
public sealed interface FleetSyncFrame {

    /** {@code $PKLID}: a PTT-ID (the unit keyed up or sent a status). */
    record Id(FleetSyncIdent ident) implements FleetSyncFrame {
        public Id {
            Objects.requireNonNull(ident, "ident");
        }
    }

    /**
     * {@code $PKLDS}: RMC-style position followed by the identity block. Coordinates stay as the radio wrote them
     * ({@code ddmm.mm} / {@code dddmm.mm} with a hemisphere letter); {@link #latitudeDegrees()} converts.
     *
     * @param utc       {@code hhmmss[.ss]}
     * @param valid     fix status A (true) or V (false)
     * @param date      {@code ddmmyy}
     * @param speed     speed over ground in knots, as written (may be empty)
     * @param course    course over ground in degrees, as written (may be empty)
     * @param variation magnetic variation with its E/W letter, as written (may be empty)
     */
    record Position(String utc, boolean valid, String latitude, char northSouth, String longitude, char eastWest,
                    String speed, String course, String date, String variation, FleetSyncIdent ident)
            implements FleetSyncFrame {
        public Position {
            Objects.requireNonNull(ident, "ident");
            FleetSyncSentences.checkPosition(utc, latitude, northSouth, longitude, eastWest, speed, course, date,
                    variation);
        }

        public double latitudeDegrees() {
            return FleetSyncSentences.degrees(latitude, 2) * (northSouth == 'S' ? -1 : 1);
        }

        public double longitudeDegrees() {
            return FleetSyncSentences.degrees(longitude, 3) * (eastWest == 'W' ? -1 : 1);
        }
    }

    /** A well-formed sentence with a good checksum that is not a FleetSync one (e.g. {@code $GPRMC}); ignored. */
    record Unhandled(String sentence) implements FleetSyncFrame {
        public Unhandled {
            Objects.requireNonNull(sentence, "sentence");
        }
    }

    /** Bytes or a sentence that did not decode (bad or missing checksum, bad field, overlong, garbage). */
    record Invalid(String reason) implements FleetSyncFrame {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
