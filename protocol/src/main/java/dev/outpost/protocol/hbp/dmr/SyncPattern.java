package dev.outpost.protocol.hbp.dmr;

/**
 * The 48-bit sync patterns in the middle of a burst (ETSI TS 102 361-1 section 9.1.1, table 9.2), base-station
 * and mobile sourced. Repeaters put BS-sourced patterns on the network; a hotspot may forward MS-sourced ones.
 */
public enum SyncPattern {
    BS_VOICE(0x755FD7DF75F7L),
    BS_DATA(0xDFF57D75DF5DL),
    MS_VOICE(0x7F7D5DD57DFDL),
    MS_DATA(0xD5D7F77FD757L);

    /** Burst bits 108..155. */
    static final int FIRST_BIT = 108;
    static final int LENGTH = 48;
    /** A received pattern this close to one of ours is taken as it: sync is found by correlation, not exactly. */
    private static final int TOLERATED_BIT_ERRORS = 4;

    private final long bits;

    SyncPattern(long bits) {
        this.bits = bits;
    }

    public long bits() {
        return bits;
    }

    public boolean isData() {
        return this == BS_DATA || this == MS_DATA;
    }

    public void writeTo(byte[] burst33) {
        Bits.write(burst33, FIRST_BIT, LENGTH, bits);
    }

    /** The pattern in a burst, or null when its middle 48 bits are none of them (e.g. embedded signalling). */
    public static SyncPattern find(byte[] burst33) {
        long found = Bits.read(burst33, FIRST_BIT, LENGTH);
        for (SyncPattern pattern : values()) {
            if (Long.bitCount(pattern.bits ^ found) <= TOLERATED_BIT_ERRORS) {
                return pattern;
            }
        }
        return null;
    }
}
