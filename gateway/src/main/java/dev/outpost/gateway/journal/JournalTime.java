package dev.outpost.gateway.journal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The journal's timestamp text: ISO-8601 UTC with exactly nine fraction digits, e.g.
 * {@code 2025-03-01T08:15:02.123456789Z}. Fixed width keeps text order equal to time order, so
 * {@code ORDER BY received_at} is chronological ({@link Instant#toString} drops trailing zeros and
 * would sort {@code ...:02Z} after {@code ...:02.5Z}).
 */
public final class JournalTime {

    private static final int FIXED_WIDTH = 30;

    private JournalTime() {
    }

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return instant.toString(); // outside ISO's four-digit years: never a real ack
        }
        StringBuilder b = new StringBuilder(FIXED_WIDTH);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        return pad(b, instant.getNano(), 9).append('Z').toString();
    }

    public static String formatNullable(Instant instant) {
        return instant == null ? null : format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    public static Instant parseNullable(String text) {
        return text == null ? null : parse(text);
    }

    private static StringBuilder pad(StringBuilder b, int value, int digits) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(s);
    }
}
