package dev.outpost.protocol.pei;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a PEI byte stream into {@link PeiToken}s (docs/protocols/pei.md section 2), in either direction: CR or LF
 * ends a line (CR LF is one delimiter: the empty line between them is dropped), Ctrl-Z ends an SDS body, ESC
 * cancels one, and a {@code >} at the start of a line is the radio's prompt (one space after it is skipped).
 *
 * <p>Resynchronisation is by delimiter: a line longer than {@link PeiLimits#MAX_LINE_BYTES} or holding a byte
 * that is not printable ASCII is discarded up to the next delimiter and reported once as
 * {@link PeiToken.Invalid}; the line after it is decoded normally. The framer keeps at most one line of bytes,
 * whatever it is fed. Not thread-safe: one framer per stream, fed from one thread.
 */
public final class PeiFramer {
    static final byte CR = 0x0D;
    static final byte LF = 0x0A;
    static final byte CTRL_Z = 0x1A;
    static final byte ESC = 0x1B;

    private final byte[] line = new byte[PeiLimits.MAX_LINE_BYTES];
    private int length;
    private boolean overlong;
    private String badByte;
    private boolean afterPrompt;

    /** Feeds {@code count} bytes from {@code data[offset]}; returns the tokens they completed, in order. */
    public List<PeiToken> feed(byte[] data, int offset, int count) {
        List<PeiToken> out = new ArrayList<>();
        for (int i = offset; i < offset + count; i++) {
            accept(data[i], out);
        }
        return out;
    }

    public List<PeiToken> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Bytes held for the current, unfinished line; for tests of the bound. */
    int buffered() {
        return length;
    }

    private void accept(byte b, List<PeiToken> out) {
        if (afterPrompt) {
            afterPrompt = false;
            if (b == ' ') {
                return;
            }
        }
        if (b == CR || b == LF || b == CTRL_Z || b == ESC) {
            end(b, out);
        } else if (b == '>' && length == 0 && !overlong && badByte == null) {
            out.add(new PeiToken.Prompt());
            afterPrompt = true;
        } else if (b < 0x20 || b > 0x7E) {
            if (badByte == null) {
                badByte = String.format(Locale.ROOT, "non-ASCII byte 0x%02X in line", b & 0xFF);
            }
        } else if (length == line.length) {
            overlong = true;
        } else {
            line[length++] = b;
        }
    }

    private void end(byte delimiter, List<PeiToken> out) {
        if (overlong) {
            out.add(new PeiToken.Invalid("line longer than " + PeiLimits.MAX_LINE_BYTES + " bytes, discarded"));
        } else if (badByte != null) {
            out.add(new PeiToken.Invalid(badByte + ", discarded"));
        } else if (delimiter == ESC) {
            out.add(new PeiToken.BodyAborted());
        } else if (delimiter == CTRL_Z) {
            out.add(new PeiToken.Body(text()));
        } else if (length > 0) {
            out.add(new PeiToken.Line(text()));
        }
        length = 0;
        overlong = false;
        badByte = null;
    }

    private String text() {
        return new String(line, 0, length, StandardCharsets.US_ASCII);
    }
}
