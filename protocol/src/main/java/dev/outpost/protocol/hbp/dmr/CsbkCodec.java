package dev.outpost.protocol.hbp.dmr;

/**
 * CSBK to and from its 12 bytes and its 33-byte data burst. The CRC is {@link CrcCcitt} XOR 0xA5A5
 * (ETSI TS 102 361-1 B.3.12, "CSBK" CRC mask). Stateless; {@code decode} never throws on any input.
 */
public final class CsbkCodec {
    public static final int LENGTH = 12;
    static final int CRC_MASK = 0xA5A5;
    /** Byte 0 as we write it: last block set, protect flag clear. */
    private static final int LAST_BLOCK = 0x80;

    private CsbkCodec() {
    }

    /** The 12 bytes of a CSBK, CRC included. */
    public static byte[] encode(Csbk csbk) {
        byte[] bytes = new byte[LENGTH];
        bytes[1] = (byte) csbk.featureSetId();
        if (csbk instanceof Csbk.Other other) {
            bytes[0] = (byte) other.firstByte();
            System.arraycopy(other.body(), 0, bytes, 2, 8);
        } else {
            bytes[0] = (byte) (LAST_BLOCK | csbk.opcode());
            writeBody(csbk, bytes);
        }
        int crc = CrcCcitt.compute(bytes, 10) ^ CRC_MASK;
        bytes[10] = (byte) (crc >>> 8);
        bytes[11] = (byte) crc;
        return bytes;
    }

    /** Decodes 12 bytes; a CRC mismatch or wrong length is {@link CsbkFrame.Invalid}. */
    public static CsbkFrame decode(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            return new CsbkFrame.Invalid("a CSBK is " + LENGTH + " bytes");
        }
        int crc = (bytes[10] & 0xFF) << 8 | bytes[11] & 0xFF;
        if ((CrcCcitt.compute(bytes, 10) ^ CRC_MASK) != crc) {
            return new CsbkFrame.Invalid("CSBK CRC mismatch");
        }
        return readBody(bytes);
    }

    /** The 33-byte data burst carrying a CSBK (slot type data type 3). */
    public static byte[] toBurst(Csbk csbk, int colourCode, SyncPattern sync) {
        return DataBurst.build(colourCode, DataType.CSBK, sync, encode(csbk));
    }

    /**
     * Decodes a CSBK burst: BPTC corrects what it can and the CRC rejects the rest. A burst whose slot type names
     * another data type is invalid too, unless the slot type itself was beyond repair and the CRC still holds.
     */
    public static CsbkFrame fromBurst(byte[] burst33) {
        if (burst33 == null || burst33.length != DataBurst.LENGTH) {
            return new CsbkFrame.Invalid("a burst is " + DataBurst.LENGTH + " bytes");
        }
        DataBurst.Parsed parsed = DataBurst.parse(burst33);
        if (parsed.dataType() != DataType.CSBK && parsed.slotTypeErrors() <= 3) {
            return new CsbkFrame.Invalid("slot type is " + parsed.dataType() + ", not CSBK");
        }
        CsbkFrame frame = decode(parsed.payload());
        if (frame instanceof CsbkFrame.Invalid && parsed.residualErrors()) {
            return new CsbkFrame.Invalid("CSBK CRC mismatch; BPTC left uncorrectable errors");
        }
        return frame;
    }

    private static void writeBody(Csbk csbk, byte[] bytes) {
        int target;
        int source;
        if (csbk instanceof Csbk.ExtendedFunction f) {
            bytes[2] = (byte) f.flags();
            bytes[3] = (byte) f.function();
            target = f.target();
            source = f.source();
        } else if (csbk instanceof Csbk.CallAlert a) {
            bytes[2] = (byte) a.flags();
            target = a.target();
            source = a.source();
        } else if (csbk instanceof Csbk.AckResponse r) {
            bytes[2] = (byte) (r.responseInfo() >>> 8);
            bytes[3] = (byte) r.responseInfo();
            target = r.target();
            source = r.source();
        } else {
            Csbk.Preamble p = (Csbk.Preamble) csbk;
            bytes[2] = (byte) p.flags();
            bytes[3] = (byte) p.blocksToFollow();
            target = p.target();
            source = p.source();
        }
        CsbkFields.writeId(bytes, 4, target);
        CsbkFields.writeId(bytes, 7, source);
    }

    private static Csbk readBody(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int fid = bytes[1] & 0xFF;
        int b2 = bytes[2] & 0xFF;
        int b3 = bytes[3] & 0xFF;
        int target = CsbkFields.readId(bytes, 4);
        int source = CsbkFields.readId(bytes, 7);
        boolean plain = (first & 0xC0) == LAST_BLOCK;
        int opcode = first & 0x3F;
        if (plain && fid == Csbk.FID_MOTOROLA && opcode == Csbk.OPCODE_EXTENDED_FUNCTION) {
            return new Csbk.ExtendedFunction(b2, b3, target, source);
        }
        if (plain && fid == Csbk.FID_MOTOROLA && opcode == Csbk.OPCODE_CALL_ALERT && b3 == 0) {
            return new Csbk.CallAlert(b2, target, source);
        }
        if (plain && fid == Csbk.FID_MOTOROLA && opcode == Csbk.OPCODE_ACK_RESPONSE) {
            return new Csbk.AckResponse(b2 << 8 | b3, target, source);
        }
        if (plain && fid == Csbk.FID_STANDARD && opcode == Csbk.OPCODE_PREAMBLE) {
            return new Csbk.Preamble(b2, b3, target, source);
        }
        byte[] body = new byte[8];
        System.arraycopy(bytes, 2, body, 0, 8);
        return new Csbk.Other(first, fid, body);
    }
}
