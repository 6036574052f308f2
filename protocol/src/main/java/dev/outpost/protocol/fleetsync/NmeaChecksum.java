package dev.outpost.protocol.fleetsync;

import java.util.Locale;

/** The NMEA 0183 checksum: XOR of every character between {@code $} and {@code *}, as two hex digits. */
public final class NmeaChecksum {
    private NmeaChecksum() {
    }

    /** The checksum of {@code body}, the text between {@code $} and {@code *}. */
    public static int of(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return sum & 0xFF;
    }

    /** {@code $body*HH}. */
    public static String seal(String body) {
        return "$" + body + "*" + String.format(Locale.ROOT, "%02X", of(body));
    }
}
