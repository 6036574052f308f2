package dev.outpost.protocol.pei;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes from a radio (or, on the radio side, from a terminal) to {@link PeiFrame}s: {@link PeiFramer} for the
 * lines, {@link PeiLineDecoder} for each line, and the pairing of a {@code +CTSDSR} header with the hex payload
 * line after it. A header followed by anything but a hex line is reported invalid and the other line is
 * decoded on its own, so a lost payload never swallows the next frame. Not thread-safe: one per stream.
 */
public final class PeiStreamDecoder {
    private final PeiFramer framer = new PeiFramer();
    private SdsHeader pendingHeader;

    /** Feeds {@code count} bytes from {@code data[offset]}; returns the frames they completed, in order. */
    public List<PeiFrame> feed(byte[] data, int offset, int count) {
        List<PeiFrame> out = new ArrayList<>();
        for (PeiToken token : framer.feed(data, offset, count)) {
            accept(token, out);
        }
        return out;
    }

    public List<PeiFrame> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Whether a {@code +CTSDSR} header waits for its payload line. */
    public boolean awaitingPayload() {
        return pendingHeader != null;
    }

    /** Forgets a partial line and a pending header (e.g. after the port was reopened). */
    public void reset() {
        framer.feed(new byte[] {PeiFramer.LF});
        pendingHeader = null;
    }

    private void accept(PeiToken token, List<PeiFrame> out) {
        if (token instanceof PeiToken.Line line) {
            if (pendingHeader != null) {
                SdsHeader header = pendingHeader;
                pendingHeader = null;
                if (SdsPayloadCodec.isHex(line.text().trim())) {
                    out.add(payload(header, line.text().trim()));
                    return;
                }
                out.add(new PeiFrame.Invalid("+CTSDSR header without its payload line"));
            }
            Object decoded = PeiLineDecoder.decode(line.text());
            if (decoded instanceof PeiLineDecoder.Header h) {
                pendingHeader = h.header();
            } else {
                out.add((PeiFrame) decoded);
            }
            return;
        }
        if (pendingHeader != null) {
            pendingHeader = null;
            out.add(new PeiFrame.Invalid("+CTSDSR header without its payload line"));
            if (token instanceof PeiToken.Invalid) {
                return; // the payload line itself was the bad one: one report is enough
            }
        }
        if (token instanceof PeiToken.Invalid invalid) {
            out.add(new PeiFrame.Invalid(invalid.reason()));
        } else if (token instanceof PeiToken.Body body) {
            out.add(new PeiFrame.Body(body.text()));
        } else if (token instanceof PeiToken.Prompt) {
            out.add(new PeiFrame.Prompt());
        } else {
            out.add(new PeiFrame.BodyAborted());
        }
    }

    private static PeiFrame payload(SdsHeader header, String hex) {
        if (hex.length() != header.payloadBytes() * 2) {
            return new PeiFrame.Invalid("+CTSDSR payload has " + hex.length() + " hex digits; the header's "
                    + header.lengthBits() + " bits need " + header.payloadBytes() * 2);
        }
        try {
            return new PeiFrame.SdsReceived(header, SdsPayloadCodec.decode(header, SdsPayloadCodec.bytes(hex)));
        } catch (PeiDecodeException | IllegalArgumentException e) {
            return new PeiFrame.Invalid("+CTSDSR payload: " + e.getMessage());
        } catch (RuntimeException e) {
            return new PeiFrame.Invalid("decoder failure: " + e.getClass().getSimpleName());
        }
    }
}
