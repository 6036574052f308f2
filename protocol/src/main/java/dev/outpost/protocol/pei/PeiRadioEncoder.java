package dev.outpost.protocol.pei;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The radio's side of the wire: {@link PeiFrame}s as a radio writes them, each framed by CR LF as V.250
 * responses are. For the simulated radio and for round-trip tests; the gateway never sends these.
 */
public final class PeiRadioEncoder {
    static final String CRLF = "\r\n";

    private PeiRadioEncoder() {
    }

    /** The bytes (ASCII) of {@code frame}; {@link PeiFrame.Invalid} has no wire form. */
    public static String encode(PeiFrame frame) {
        if (frame instanceof PeiFrame.Prompt) {
            return CRLF + "> ";
        }
        if (frame instanceof PeiFrame.Body b) {
            return b.text() + (char) PeiFramer.CTRL_Z;
        }
        if (frame instanceof PeiFrame.BodyAborted) {
            return String.valueOf((char) PeiFramer.ESC);
        }
        return CRLF + line(frame) + CRLF;
    }

    private static String line(PeiFrame frame) {
        if (frame instanceof PeiFrame.Ok) {
            return "OK";
        } else if (frame instanceof PeiFrame.Error) {
            return "ERROR";
        } else if (frame instanceof PeiFrame.CmeError e) {
            return "+CME ERROR: " + e.code();
        } else if (frame instanceof PeiFrame.SdsSent s) {
            return "+CMGS: " + join(s.sdsInstance(), s.sdsStatus(), s.messageReference()).replaceAll(",+$", "");
        } else if (frame instanceof PeiFrame.SdsReceived r) {
            return "+CTSDSR: " + SdsHeaderParser.format(r.header()) + CRLF
                    + SdsPayloadCodec.toHex(SdsPayloadCodec.encode(r.payload()));
        } else if (frame instanceof PeiFrame.TxGrant g) {
            String head = "+CTXG: " + join(g.ccInstance(), g.txGrant(), g.txRequestPermission(),
                    g.endToEndEncryption());
            return g.talker() == null ? head : head + "," + SdsHeaderParser.typeCode(g.talker()) + ","
                    + g.talker().digits();
        } else if (frame instanceof PeiFrame.TxCeased c) {
            return "+CDTXC: " + join(c.ccInstance(), c.txRequestPermission()).replaceAll(",+$", "");
        } else if (frame instanceof PeiFrame.CallReleased r) {
            return "+CTCR: " + join(r.ccInstance(), r.disconnectCause());
        } else if (frame instanceof PeiFrame.IncomingCall c) {
            return "+CTICN: " + join(c.ccInstance(), c.callStatus(), c.aiService(), SdsHeaderParser.typeCode(
                    c.calling()), digits(c.calling()), c.hook(), c.simplex(), c.endToEndEncryption(), c.commsType(),
                    c.slotsCodec(), SdsHeaderParser.typeCode(c.called()), digits(c.called()), c.priority())
                    .replaceAll(",+$", "");
        } else if (frame instanceof PeiFrame.CommandLine c) {
            return c.text();
        } else if (frame instanceof PeiFrame.Unhandled u) {
            return u.name() + ": ";
        } else if (frame instanceof PeiFrame.Text t) {
            return t.text();
        }
        throw new IllegalArgumentException(frame.getClass().getSimpleName() + " has no wire form");
    }

    private static String digits(TetraIdentity identity) {
        return identity == null ? "" : identity.digits();
    }

    private static String join(Object... fields) {
        return Stream.of(fields).map(f -> f == null ? "" : f.toString()).collect(Collectors.joining(","));
    }

    /** Several frames back to back, as one chunk of radio output. */
    public static String encodeAll(List<PeiFrame> frames) {
        return frames.stream().map(PeiRadioEncoder::encode).collect(Collectors.joining());
    }
}
