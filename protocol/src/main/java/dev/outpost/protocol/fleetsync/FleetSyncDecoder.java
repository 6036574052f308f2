package dev.outpost.protocol.fleetsync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes from a Kenwood radio's PC port to {@link FleetSyncFrame}s (docs/protocols/fleetsync.md section 2).
 * A sentence runs from {@code $} to CR or LF and must end {@code *hh} with the right NMEA checksum.
 *
 * <p>Resynchronisation: a {@code $} always starts a new sentence (an unfinished one before it is reported
 * invalid); bytes outside a sentence, non-ASCII bytes and sentences over {@link #MAX_SENTENCE_BYTES} are
 * discarded up to the next delimiter and reported once. Not thread-safe: one decoder per stream.
 */
public final class FleetSyncDecoder {
    /** NMEA allows 82; a PKLDS with its identity block runs past that, so the bound is generous. */
    public static final int MAX_SENTENCE_BYTES = 160;

    private final byte[] line = new byte[MAX_SENTENCE_BYTES];
    private int length;
    private boolean overlong;
    private String problem;
    private boolean strayBytes;

    public List<FleetSyncFrame> feed(byte[] data, int offset, int count) {
        List<FleetSyncFrame> out = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            accept(data[i], out);
        }
        return out;
    }

    public List<FleetSyncFrame> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    private void accept(byte b, List<FleetSyncFrame> out) {
        if (b == '\r' || b == '\n') {
            end(out);
        } else if (b == '$') {
            if (length > 0 || overlong || problem != null || strayBytes) {
                end(out); // a new sentence interrupts whatever came before it
            }
            line[length++] = b;
        } else if (length == 0 && !overlong) {
            strayBytes = true;
        } else if (b < 0x20 || b > 0x7E) {
            if (problem == null) {
                problem = String.format(Locale.ROOT, "non-ASCII byte 0x%02X in sentence", b & 0xFF);
            }
        } else if (length == line.length) {
            overlong = true;
        } else {
            line[length++] = b;
        }
    }

    private void end(List<FleetSyncFrame> out) {
        if (overlong) {
            out.add(new FleetSyncFrame.Invalid("sentence longer than " + MAX_SENTENCE_BYTES + " bytes, discarded"));
        } else if (problem != null) {
            out.add(new FleetSyncFrame.Invalid(problem + ", discarded"));
        } else if (length > 0) {
            out.add(sentence(new String(line, 1, length - 1, StandardCharsets.US_ASCII)));
        } else if (strayBytes) {
            out.add(new FleetSyncFrame.Invalid("bytes outside a $ sentence, discarded"));
        }
        length = 0;
        overlong = false;
        problem = null;
        strayBytes = false;
    }

    private static FleetSyncFrame sentence(String afterDollar) {
        int star = afterDollar.lastIndexOf('*');
        if (star < 0) {
            return new FleetSyncFrame.Invalid("no *hh checksum");
        }
        String given = afterDollar.substring(star + 1);
        if (!given.matches("[0-9A-Fa-f]{2}")) {
            return new FleetSyncFrame.Invalid("checksum is not two hex digits");
        }
        String body = afterDollar.substring(0, star);
        int computed = NmeaChecksum.of(body);
        if (computed != Integer.parseInt(given, 16)) {
            return new FleetSyncFrame.Invalid(String.format(Locale.ROOT,
                    "checksum mismatch: sentence says %s, computed %02X", FleetSyncSentences.upper(given), computed));
        }
        if (body.indexOf('*') >= 0) {
            return new FleetSyncFrame.Invalid("more than one * in sentence");
        }
        try {
            return FleetSyncSentences.decode(body);
        } catch (RuntimeException e) {
            return new FleetSyncFrame.Invalid("decoder failure: " + e.getClass().getSimpleName());
        }
    }

    /** {@code frame} as the radio writes it: {@code $...*hh} CR LF. */
    public static String encode(FleetSyncFrame frame) {
        return NmeaChecksum.seal(FleetSyncSentences.encode(frame)) + "\r\n";
    }
}
