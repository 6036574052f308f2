package dev.outpost.protocol.hbp.dmr;

/**
 * A 33-byte DMR data burst (ETSI TS 102 361-1 section 6.1, figure 6.3): 98 info bits, 10 slot-type bits, 48 sync
 * bits, 10 slot-type bits, 98 info bits. The info bits carry BPTC(196,96) for the data types Outpost uses (CSBK,
 * voice LC header, terminator with LC); the slot type is Golay (20,8) over colour code and data type.
 */
public final class DataBurst {
    public static final int LENGTH = 33;
    private static final int SLOT_TYPE_FIRST_HALF = 98;
    private static final int SLOT_TYPE_SECOND_HALF = 156;

    private DataBurst() {
    }

    /** What {@link #parse} read from a burst; {@code sync} is null when no known pattern was found. */
    public record Parsed(int colourCode, DataType dataType, int slotTypeErrors, SyncPattern sync, byte[] payload,
            int correctedBits, boolean residualErrors) {
    }

    /** Builds a burst carrying a 12-byte BPTC payload. */
    public static byte[] build(int colourCode, DataType dataType, SyncPattern sync, byte[] payload12) {
        if (colourCode < 0 || colourCode > 15) {
            throw new IllegalArgumentException("colour code must be 0..15");
        }
        if (payload12.length != 12) {
            throw new IllegalArgumentException("a BPTC payload is 12 bytes");
        }
        byte[] burst = new byte[LENGTH];
        Bptc19696.encode(payload12, burst);
        int slotType = Golay2087.encode(colourCode << 4 | dataType.code());
        Bits.write(burst, SLOT_TYPE_FIRST_HALF, 10, slotType >>> 10);
        Bits.write(burst, SLOT_TYPE_SECOND_HALF, 10, slotType & 0x3FF);
        sync.writeTo(burst);
        return burst;
    }

    /** Reads the slot type, sync and BPTC payload of a 33-byte burst (the caller checks the length). */
    public static Parsed parse(byte[] burst33) {
        int slotType = (int) (Bits.read(burst33, SLOT_TYPE_FIRST_HALF, 10) << 10
                | Bits.read(burst33, SLOT_TYPE_SECOND_HALF, 10));
        Golay2087.Decoded decoded = Golay2087.decode(slotType);
        Bptc19696.Result bptc = Bptc19696.decode(burst33);
        return new Parsed(decoded.data() >>> 4, DataType.of(decoded.data()), decoded.errors(),
                SyncPattern.find(burst33), bptc.payload(), bptc.correctedBits(), bptc.residualErrors());
    }
}
