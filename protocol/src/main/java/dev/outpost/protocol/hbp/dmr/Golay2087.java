package dev.outpost.protocol.hbp.dmr;

/**
 * Golay (20,8) of the DMR slot type (ETSI TS 102 361-1 Annex B.3.1): 8 data bits (colour code, data type) and 12
 * parity bits, minimum distance 7, so up to 3 wrong bits are corrected. The code is linear, so it is fully given by
 * the parity of each single data bit, listed below (data bit 7, the top, first; parity bits in transmission order).
 * These are the values ETSI's generator yields and MMDVMHost's Golay2087.cpp encoding table holds.
 * Decoding picks the nearest of the 256 codewords, so a burst too damaged for the code decodes to the wrong type
 * rather than failing: callers still check the payload's own CRC.
 */
public final class Golay2087 {
    private static final int[] PARITY_OF_BIT = {0x3DA, 0x70E, 0x6CD, 0x367, 0xDC6, 0xA97, 0x93E, 0x8EB};
    private static final int[] CODEWORD = new int[256];

    static {
        for (int data = 0; data < 256; data++) {
            int parity = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((data & (0x80 >>> bit)) != 0) {
                    parity ^= PARITY_OF_BIT[bit];
                }
            }
            CODEWORD[data] = data << 12 | parity;
        }
    }

    private Golay2087() {
    }

    /** The 20-bit codeword (data in the top 8 bits) of an 8-bit value. */
    public static int encode(int data) {
        return CODEWORD[data & 0xFF];
    }

    /** The data byte of the codeword nearest to a received 20-bit word, and how many bits differed. */
    public static Decoded decode(int received) {
        int word = received & 0xFFFFF;
        int fast = word >>> 12;
        if (CODEWORD[fast] == word) {
            return new Decoded(fast, 0);
        }
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int data = 0; data < 256; data++) {
            int distance = Integer.bitCount(CODEWORD[data] ^ word);
            if (distance < bestDistance) {
                best = data;
                bestDistance = distance;
            }
        }
        return new Decoded(best, bestDistance);
    }

    /** {@code errors} above 3 means the word was beyond the code's power; {@code data} is then a guess. */
    public record Decoded(int data, int errors) {
        public boolean reliable() {
            return errors <= 3;
        }
    }
}
