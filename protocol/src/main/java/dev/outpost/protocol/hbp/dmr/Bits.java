package dev.outpost.protocol.hbp.dmr;

/** Bit access on byte arrays, most significant bit first (bit 0 is the top bit of byte 0), as DMR numbers them. */
final class Bits {
    private Bits() {
    }

    static boolean get(byte[] bytes, int bit) {
        return (bytes[bit >> 3] & (0x80 >>> (bit & 7))) != 0;
    }

    static void set(byte[] bytes, int bit, boolean value) {
        int mask = 0x80 >>> (bit & 7);
        if (value) {
            bytes[bit >> 3] |= (byte) mask;
        } else {
            bytes[bit >> 3] &= (byte) ~mask;
        }
    }

    /** Reads {@code count} (at most 64) bits starting at {@code first} as an unsigned big-endian number. */
    static long read(byte[] bytes, int first, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 1) | (get(bytes, first + i) ? 1 : 0);
        }
        return value;
    }

    /** Writes the low {@code count} bits of {@code value} starting at bit {@code first}, top bit first. */
    static void write(byte[] bytes, int first, int count, long value) {
        for (int i = 0; i < count; i++) {
            set(bytes, first + i, ((value >>> (count - 1 - i)) & 1) != 0);
        }
    }
}
