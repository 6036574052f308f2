package dev.outpost.protocol.pei;

/**
 * The four {@code +CTSDSR} header shapes (docs/protocols/pei.md section 3.1), told apart by field count:
 * <pre>
 * 3: AI service, called id, length
 * 4: AI service, called id, called id type, length
 * 6: AI service, calling id, calling id type, called id, called id type, length
 * 7: as 6, then end to end encryption
 * </pre>
 */
final class SdsHeaderParser {
    private SdsHeaderParser() {
    }

    static SdsHeader parse(PeiFields f) {
        return switch (f.count()) {
            case 3 -> new SdsHeader(f.integer(0), null, f.identity(1, -1), f.integer(2), null);
            case 4 -> new SdsHeader(f.integer(0), null, f.identity(1, 2), f.integer(3), null);
            case 6 -> new SdsHeader(f.integer(0), f.optionalIdentity(1, 2), f.identity(3, 4), f.integer(5), null);
            case 7 -> new SdsHeader(f.integer(0), f.optionalIdentity(1, 2), f.identity(3, 4), f.integer(5),
                    f.integer(6));
            default -> throw new PeiDecodeException("+CTSDSR has " + f.count() + " fields; expected 3, 4, 6 or 7");
        };
    }

    /** The header's parameters as {@link #parse} reads them back, choosing the shortest shape that fits. */
    static String format(SdsHeader h) {
        StringBuilder out = new StringBuilder().append(h.aiService()).append(',');
        if (h.calling() != null || h.endToEndEncryption() != null) {
            out.append(h.calling() == null ? "" : h.calling().digits()).append(',')
                    .append(typeCode(h.calling())).append(',');
        }
        out.append(h.called().digits()).append(',');
        boolean typed = h.called().type() != null || h.calling() != null || h.endToEndEncryption() != null;
        if (typed) {
            out.append(typeCode(h.called())).append(',');
        }
        out.append(h.lengthBits());
        if (h.endToEndEncryption() != null) {
            out.append(',').append(h.endToEndEncryption());
        }
        return out.toString();
    }

    static String typeCode(TetraIdentity identity) {
        return identity == null || identity.type() == null ? "" : String.valueOf(identity.type().code());
    }
}
