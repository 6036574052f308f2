package dev.outpost.protocol.hxt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Invariants of the message records. The records check themselves so that an invalid message can
 * neither be decoded nor built by a sender; the codec turns the {@link IllegalArgumentException}
 * into an {@link HxtFrame.Invalid}.
 */
final class HxtChecks {
    private HxtChecks() {
    }

    static String id(String field, String value) {
        return bounded(field, value, 1, HxtLimits.MAX_ID_CHARS);
    }

    /** An optional identifier: null stays null, anything else must be a valid identifier. */
    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    static String bounded(String field, String value, int minChars, int maxChars) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() < minChars || value.length() > maxChars) {
            throw new IllegalArgumentException(field + " must have " + minChars + ".." + maxChars
                    + " characters, has " + value.length());
        }
        return value;
    }

    static long seq(long seq) {
        return range("seq", seq, 1, HxtLimits.MAX_SAFE_INTEGER);
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + "," + max + "]: " + value);
        }
        return value;
    }

    static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + "," + max + "]: " + value);
        }
        return value;
    }

    static double latitude(double lat) {
        return range("lat", lat, -90.0, 90.0);
    }

    static double longitude(double lon) {
        return range("lon", lon, -180.0, 180.0);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static List<String> ids(String field, List<String> values, int maxCount) {
        List<String> copy = List.copyOf(required(field, values));
        if (copy.size() > maxCount) {
            throw new IllegalArgumentException(field + " has " + copy.size() + " entries, at most " + maxCount);
        }
        for (String v : copy) {
            id(field + " entry", v);
        }
        return copy;
    }

    /** Enumerated wire values are the lower-case constant names; anything else is unknown. */
    static <E extends Enum<E>> Optional<E> fromWire(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
