package dev.outpost.protocol.hbp;

import java.nio.charset.StandardCharsets;

/** The 294-byte body of RPTC (see {@link PeerConfig} for the layout). */
final class PeerConfigCodec {
    static final int BODY_LENGTH = 294;
    private static final int[] WIDTHS = {8, 9, 9, 2, 2, 8, 9, 3, 20, 19, 1, 124, 40, 40};

    private PeerConfigCodec() {
    }

    static void encode(PeerConfig c, byte[] out, int at) {
        String[] fields = {
            text(c.callsign(), 8), number(c.rxFrequencyHz(), 9), number(c.txFrequencyHz(), 9),
            number(c.txPower(), 2), number(c.colourCode(), 2), text(c.latitude(), 8), text(c.longitude(), 9),
            number(c.heightMetres(), 3), text(c.location(), 20), text(c.description(), 19),
            String.valueOf(c.slots()), text(c.url(), 124), text(c.softwareId(), 40), text(c.packageId(), 40)};
        int pos = at;
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, out, pos, bytes.length);
            pos += bytes.length;
        }
    }

    /** @throws HbpDecodeException when a numeric field is not a number */
    static PeerConfig decode(byte[] in, int at) {
        String[] f = new String[WIDTHS.length];
        int pos = at;
        for (int i = 0; i < WIDTHS.length; i++) {
            f[i] = new String(in, pos, WIDTHS[i], StandardCharsets.ISO_8859_1);
            pos += WIDTHS[i];
        }
        try {
            return new PeerConfig(clean(f[0]), parse("rx frequency", f[1]), parse("tx frequency", f[2]),
                    (int) parse("power", f[3]), (int) parse("colour code", f[4]), clean(f[5]), clean(f[6]),
                    (int) parse("height", f[7]), clean(f[8]), clean(f[9]), f[10].charAt(0), clean(f[11]),
                    clean(f[12]), clean(f[13]));
        } catch (IllegalArgumentException e) {
            throw new HbpDecodeException("RPTC " + e.getMessage());
        }
    }

    private static String text(String value, int width) {
        String cut = value.length() > width ? value.substring(0, width) : value;
        return cut + " ".repeat(width - cut.length());
    }

    private static String number(long value, int width) {
        String digits = value < 0 ? "-" + zeroPad(-value, width - 1) : zeroPad(value, width);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return digits;
    }

    private static String zeroPad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Peers pad with spaces and, some, with NULs; neither is part of the value. */
    private static String clean(String raw) {
        return raw.replace('\0', ' ').strip();
    }

    private static long parse(String name, String raw) {
        String value = clean(raw);
        if (value.isEmpty()) {
            return 0;
        }
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            throw new HbpDecodeException("RPTC " + name + " is not a number");
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                throw new HbpDecodeException("RPTC " + name + " is not a number");
            }
        }
        return Long.parseLong(value);
    }
}
