package dev.outpost.protocol.hbp.dmr;

/**
 * Full LC with its RS(12,9) parity, masked per data type (ETSI TS 102 361-1 B.3.12: 0x969696 in a voice LC header,
 * 0x999999 in a terminator with LC), and the burst carrying it (BPTC(196,96), slot type data type 1 or 2).
 */
public final class FullLcCodec {
    private FullLcCodec() {
    }

    /** The 12 bytes of a full LC as carried in a burst of {@code type} (header or terminator). */
    public static byte[] encode(FullLc lc, DataType type) {
        int mask = mask(type);
        byte[] bytes = new byte[12];
        bytes[0] = (byte) lc.firstByte();
        bytes[1] = (byte) lc.featureSetId();
        bytes[2] = (byte) lc.serviceOptions();
        CsbkFields.writeId(bytes, 3, lc.target());
        CsbkFields.writeId(bytes, 6, lc.source());
        byte[] parity = ReedSolomon129.parity(bytes);
        for (int i = 0; i < 3; i++) {
            bytes[9 + i] = (byte) (parity[i] ^ mask);
        }
        return bytes;
    }

    public static LcFrame decode(byte[] bytes, DataType type) {
        if (bytes == null || bytes.length != 12) {
            return new LcFrame.Invalid("a full LC is 12 bytes");
        }
        if (type != DataType.VOICE_LC_HEADER && type != DataType.TERMINATOR_WITH_LC) {
            return new LcFrame.Invalid("data type " + type + " carries no full LC");
        }
        byte[] parity = ReedSolomon129.parity(bytes);
        int mask = mask(type);
        for (int i = 0; i < 3; i++) {
            if ((byte) (parity[i] ^ mask) != bytes[9 + i]) {
                return new LcFrame.Invalid("full LC Reed-Solomon check failed");
            }
        }
        return new FullLc(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, CsbkFields.readId(bytes, 3),
                CsbkFields.readId(bytes, 6));
    }

    public static byte[] toBurst(FullLc lc, DataType type, int colourCode, SyncPattern sync) {
        return DataBurst.build(colourCode, type, sync, encode(lc, type));
    }

    /** Decodes a header or terminator burst; its slot type says which. */
    public static LcFrame fromBurst(byte[] burst33) {
        if (burst33 == null || burst33.length != DataBurst.LENGTH) {
            return new LcFrame.Invalid("a burst is " + DataBurst.LENGTH + " bytes");
        }
        DataBurst.Parsed parsed = DataBurst.parse(burst33);
        return decode(parsed.payload(), parsed.dataType());
    }

    private static int mask(DataType type) {
        return switch (type) {
            case VOICE_LC_HEADER -> 0x96;
            case TERMINATOR_WITH_LC -> 0x99;
            default -> throw new IllegalArgumentException("data type " + type + " carries no full LC");
        };
    }
}
