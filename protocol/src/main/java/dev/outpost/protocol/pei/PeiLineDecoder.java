package dev.outpost.protocol.pei;

import java.util.Locale;

/**
 * Decodes one line of radio output into a {@link PeiFrame} (docs/protocols/pei.md section 3). Stateless; the
 * two-line {@code +CTSDSR} is paired by {@link PeiStreamDecoder}, which sees the header as {@link Header}.
 * Never throws: every bad line becomes {@link PeiFrame.Invalid}.
 */
final class PeiLineDecoder {
    /** A {@code +CTSDSR} header line; the payload line that must follow completes it. */
    record Header(SdsHeader header) {
    }

    private static final int MAX_NAME_CHARS = 16;

    private PeiLineDecoder() {
    }

    /** Returns a {@link PeiFrame} or, for a {@code +CTSDSR} header, a {@link Header}. */
    static Object decode(String line) {
        String text = line.trim();
        try {
            return decodeTrimmed(text);
        } catch (PeiDecodeException | IllegalArgumentException e) {
            return new PeiFrame.Invalid(e.getMessage());
        } catch (RuntimeException e) {
            // A decoder bug must not escape into a reader thread either.
            return new PeiFrame.Invalid("decoder failure: " + e.getClass().getSimpleName());
        }
    }

    private static Object decodeTrimmed(String text) {
        if (text.equals("OK")) {
            return new PeiFrame.Ok();
        }
        if (text.equals("ERROR")) {
            return new PeiFrame.Error();
        }
        if (text.regionMatches(true, 0, "AT", 0, 2)) {
            return new PeiFrame.CommandLine(text);
        }
        if (text.startsWith(">")) {
            return new PeiFrame.Invalid("> after spaces: a prompt must start its line");
        }
        if (!text.startsWith("+")) {
            if (SdsPayloadCodec.isHex(text)) {
                return new PeiFrame.Invalid("hex line without a +CTSDSR header before it");
            }
            return new PeiFrame.Text(text);
        }
        int colon = text.indexOf(':');
        if (colon < 2 || colon > MAX_NAME_CHARS || !isName(text, colon)) {
            return new PeiFrame.Invalid("line starts with + but is not +NAME: parameters");
        }
        String name = text.substring(0, colon).toUpperCase(Locale.ROOT);
        PeiFields f = PeiFields.of(name, text.substring(colon + 1));
        return switch (name) {
            case "+CME ERROR" -> cmeError(f);
            case "+CTSDSR" -> new Header(SdsHeaderParser.parse(f));
            case "+CMGS" -> sdsSent(f);
            case "+CTXG" -> txGrant(f);
            case "+CDTXC" -> txCeased(f);
            case "+CTCR" -> callReleased(f);
            case "+CTICN" -> incomingCall(f);
            default -> new PeiFrame.Unhandled(name);
        };
    }

    private static boolean isName(String text, int colon) {
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static PeiFrame cmeError(PeiFields f) {
        f.expectCount(1, 1);
        return new PeiFrame.CmeError(f.integer(0));
    }

    private static PeiFrame sdsSent(PeiFields f) {
        f.expectCount(1, 3);
        Integer status = f.optionalInteger(1);
        Integer reference = f.optionalInteger(2);
        if (status == null && reference != null) {
            throw new PeiDecodeException("+CMGS has a message reference but no SDS status");
        }
        return new PeiFrame.SdsSent(f.integer(0), status, reference);
    }

    private static PeiFrame txGrant(PeiFields f) {
        f.expectCount(4, 6);
        TetraIdentity talker = f.count() == 4 ? null : f.optionalIdentity(5, 4);
        return new PeiFrame.TxGrant(f.integer(0), f.integer(1), f.integer(2), f.integer(3), talker);
    }

    private static PeiFrame txCeased(PeiFields f) {
        f.expectCount(1, 2);
        return new PeiFrame.TxCeased(f.integer(0), f.optionalInteger(1));
    }

    private static PeiFrame callReleased(PeiFields f) {
        f.expectCount(2, 2);
        return new PeiFrame.CallReleased(f.integer(0), f.integer(1));
    }

    /**
     * {@code <CC instance>,<call status>,<AI service>,[<calling type>],[<calling id>],[<hook>],[<simplex>],[<e2ee>],
     * [<comms type>],[<slots/codec>],[<called type>],[<called id>],[<priority>]}.
     */
    private static PeiFrame incomingCall(PeiFields f) {
        f.expectCount(3, 13);
        return new PeiFrame.IncomingCall(f.integer(0), f.integer(1), f.integer(2), f.optionalIdentity(4, 3),
                f.optionalInteger(5), f.optionalInteger(6), f.optionalInteger(7), f.optionalInteger(8),
                f.optionalInteger(9), f.optionalIdentity(11, 10), f.optionalInteger(12));
    }
}
