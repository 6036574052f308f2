package dev.outpost.protocol.hbp.dmr;

/**
 * The 16-bit CRC of DMR CSBKs and data headers (ETSI TS 102 361-1 Annex B.3.7): CCITT polynomial
 * x^16 + x^12 + x^5 + 1, register starting at zero, bits taken most significant first, and the result inverted.
 * It sits big-endian after the data, XORed with a mask per data type (B.3.12; 0xA5A5 for a CSBK). The same
 * reading as MMDVMHost CRC.cpp addCCITT162/checkCCITT162.
 */
public final class CrcCcitt {
    private static final int[] TABLE = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[b] = crc & 0xFFFF;
        }
    }

    private CrcCcitt() {
    }

    /** The inverted CRC of {@code bytes[0 .. length)}. */
    public static int compute(byte[] bytes, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return ~crc & 0xFFFF;
    }
}
