package dev.outpost.protocol.hbp.dmr;

/**
 * The 4-bit data type of a data burst's slot type (ETSI TS 102 361-1 section 9.3.6, table 9.43). In DMRD it is
 * also the low nibble of the flags byte of a data-sync frame.
 */
public enum DataType {
    PI_HEADER, VOICE_LC_HEADER, TERMINATOR_WITH_LC, CSBK, MBC_HEADER, MBC_CONTINUATION, DATA_HEADER,
    RATE_HALF_DATA, RATE_THREE_QUARTER_DATA, IDLE, RATE_ONE_DATA, UNIFIED_SINGLE_BLOCK,
    RESERVED_12, RESERVED_13, RESERVED_14, RESERVED_15;

    private static final DataType[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    public static DataType of(int code) {
        return BY_CODE[code & 0x0F];
    }
}
