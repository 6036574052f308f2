package dev.outpost.protocol.fleetsync;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One checksummed sentence body to a {@link FleetSyncFrame} (docs/protocols/fleetsync.md section 3), and back.
 * Field layouts: {@code PKLID,<ver>,<fleet>,<id>,<status>,<ext>[,]} and {@code PKLDS,<RMC fields 1-10>,
 * [E|W]<ver>,<fleet>,<id>,<status>,<ext>} where the variation's hemisphere letter may be glued to the version.
 */
final class FleetSyncSentences {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern UTC = Pattern.compile("\\d{6}(\\.\\d{1,3})?");
    private static final Pattern DATE = Pattern.compile("\\d{6}");
    private static final Pattern LATITUDE = Pattern.compile("\\d{4}(\\.\\d{1,6})?");
    private static final Pattern LONGITUDE = Pattern.compile("\\d{5}(\\.\\d{1,6})?");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,5}(\\.\\d{1,4})?)?");
    private static final Pattern VARIATION = Pattern.compile("(\\d{1,3}(\\.\\d{1,2})?)?");
    private static final int IDENT_FIELDS = 5;
    private static final int RMC_FIELDS = 10;

    private FleetSyncSentences() {
    }

    /** {@code body} is the text between {@code $} and {@code *}, checksum already verified. */
    static FleetSyncFrame decode(String body) {
        String[] f = body.split(",", -1);
        try {
            if (f[0].equals("PKLID")) {
                int count = f.length - 1;
                if (count == IDENT_FIELDS + 1 && f[f.length - 1].isEmpty()) {
                    count--; // a trailing comma before the checksum, as some radios write it
                }
                if (count != IDENT_FIELDS) {
                    return new FleetSyncFrame.Invalid("PKLID has " + count + " fields; expected 5");
                }
                return new FleetSyncFrame.Id(ident(f, 1, f[1]));
            }
            if (f[0].equals("PKLDS")) {
                return position(f);
            }
        } catch (IllegalArgumentException e) {
            return new FleetSyncFrame.Invalid(f[0] + ": " + e.getMessage());
        }
        if (!f[0].matches("[A-Z0-9]{2,10}")) {
            return new FleetSyncFrame.Invalid("sentence type is not 2 to 10 upper-case letters or digits");
        }
        return new FleetSyncFrame.Unhandled(f[0]);
    }

    private static FleetSyncFrame position(String[] f) {
        if (f.length != 1 + RMC_FIELDS + IDENT_FIELDS) {
            return new FleetSyncFrame.Invalid("PKLDS has " + (f.length - 1) + " fields; expected 15");
        }
        String glued = f[11];
        String variation = f[10];
        if (!glued.isEmpty() && (glued.charAt(0) == 'E' || glued.charAt(0) == 'W')) {
            variation = variation + glued.charAt(0);
            glued = glued.substring(1);
        }
        if (!f[2].equals("A") && !f[2].equals("V")) {
            throw new IllegalArgumentException("fix status is not A or V");
        }
        return new FleetSyncFrame.Position(f[1], f[2].equals("A"), f[3], letter(f[4], "N", "S"), f[5],
                letter(f[6], "E", "W"), f[7], f[8], f[9], variation, ident(f, 11, glued));
    }

    private static FleetSyncIdent ident(String[] f, int first, String version) {
        return new FleetSyncIdent(number(version, "version"), number(f[first + 1], "fleet"),
                number(f[first + 2], "unit id"), number(f[first + 3], "status"), number(f[first + 4], "extension"));
    }

    private static int number(String field, String name) {
        if (!NUMBER.matcher(field).matches()) {
            throw new IllegalArgumentException(name + " is not 1 to 4 digits");
        }
        return Integer.parseInt(field);
    }

    private static char letter(String field, String a, String b) {
        if (!field.equals(a) && !field.equals(b)) {
            throw new IllegalArgumentException("hemisphere is not " + a + " or " + b);
        }
        return field.charAt(0);
    }

    static void checkPosition(String utc, String latitude, char northSouth, String longitude, char eastWest,
                              String speed, String course, String date, String variation) {
        require(utc, UTC, "time is not hhmmss[.sss]");
        require(latitude, LATITUDE, "latitude is not ddmm.mmmm");
        require(longitude, LONGITUDE, "longitude is not dddmm.mmmm");
        require(speed, DECIMAL, "speed is not a decimal");
        require(course, DECIMAL, "course is not a decimal");
        require(date, DATE, "date is not ddmmyy");
        if (northSouth != 'N' && northSouth != 'S' || eastWest != 'E' && eastWest != 'W') {
            throw new IllegalArgumentException("hemisphere letters are not N/S and E/W");
        }
        String magnitude = variation.endsWith("E") || variation.endsWith("W")
                ? variation.substring(0, variation.length() - 1) : variation;
        require(magnitude, VARIATION, "variation is not a decimal with E or W");
        if (degrees(latitude, 2) > 90 || degrees(longitude, 3) > 180) {
            throw new IllegalArgumentException("coordinates out of range");
        }
    }

    private static void require(String value, Pattern pattern, String reason) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(reason);
        }
    }

    /** {@code ddmm.mmmm} (or {@code dddmm.mmmm}) to decimal degrees. */
    static double degrees(String value, int degreeDigits) {
        double minutes = Double.parseDouble(value.substring(degreeDigits));
        if (minutes >= 60) {
            throw new IllegalArgumentException("minutes of arc are 60 or more");
        }
        return Integer.parseInt(value.substring(0, degreeDigits)) + minutes / 60;
    }

    /** The sentence body (between {@code $} and {@code *}) of an {@link FleetSyncFrame.Id} or Position. */
    static String encode(FleetSyncFrame frame) {
        if (frame instanceof FleetSyncFrame.Id id) {
            return "PKLID," + id.ident().format();
        }
        if (frame instanceof FleetSyncFrame.Position p) {
            String variation = p.variation();
            String letter = variation.endsWith("E") || variation.endsWith("W")
                    ? variation.substring(variation.length() - 1) : "";
            String magnitude = variation.substring(0, variation.length() - letter.length());
            return String.join(",", "PKLDS", p.utc(), p.valid() ? "A" : "V", p.latitude(),
                    String.valueOf(p.northSouth()), p.longitude(), String.valueOf(p.eastWest()), p.speed(), p.course(),
                    p.date(), magnitude, letter + p.ident().format());
        }
        throw new IllegalArgumentException(frame.getClass().getSimpleName() + " has no wire form");
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
