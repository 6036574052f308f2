package dev.outpost.protocol.hbp.dmr;

/**
 * The two Hamming codes of BPTC(196,96), ETSI TS 102 361-1 Annex B.1.1: rows use Hamming (15,11,3), columns
 * Hamming (13,9,3). Each is given by the data bits that feed each of its 4 parity bits;
 * the single-error syndrome table is derived from that at class load, so a syndrome maps to the one bit to flip.
 * The parity equations are the ones ETSI gives and MMDVMHost (Hamming.cpp, "15113_2" and "1393") uses.
 */
final class Hamming {
    /** Row code: parity bit k (bits 11..14) is the XOR of these data bits (0..10). */
    static final Hamming ROW = new Hamming(11, new int[][] {
        {0, 1, 2, 3, 5, 7, 8}, {1, 2, 3, 4, 6, 8, 9}, {2, 3, 4, 5, 7, 9, 10}, {0, 1, 2, 4, 6, 7, 10}});
    /** Column code: parity bit k (bits 9..12) is the XOR of these data bits (0..8). */
    static final Hamming COLUMN = new Hamming(9, new int[][] {
        {0, 1, 3, 5, 6}, {0, 1, 2, 4, 6, 7}, {0, 1, 2, 3, 5, 7, 8}, {0, 2, 4, 5, 8}});

    private final int dataBits;
    /** Per data bit: the 4-bit mask of the parity bits it feeds (its syndrome when it alone is wrong). */
    private final int[] parityMaskOfDataBit;
    /** Syndrome (1..15) to the codeword position it blames, or -1. */
    private final int[] positionOfSyndrome = new int[16];

    private Hamming(int dataBits, int[][] feeds) {
        this.dataBits = dataBits;
        this.parityMaskOfDataBit = new int[dataBits];
        for (int p = 0; p < feeds.length; p++) {
            for (int d : feeds[p]) {
                parityMaskOfDataBit[d] |= 1 << p;
            }
        }
        java.util.Arrays.fill(positionOfSyndrome, -1);
        for (int d = 0; d < dataBits; d++) {
            positionOfSyndrome[parityMaskOfDataBit[d]] = d;
        }
        for (int p = 0; p < 4; p++) {
            positionOfSyndrome[1 << p] = dataBits + p;
        }
    }

    /** Sets the 4 parity bits of the codeword held in {@code bits[at + k * stride]}, k = 0..length-1. */
    void encode(boolean[] bits, int at, int stride) {
        int parity = computeParity(bits, at, stride);
        for (int p = 0; p < 4; p++) {
            bits[at + (dataBits + p) * stride] = (parity & (1 << p)) != 0;
        }
    }

    /** Corrects at most one wrong bit in place; returns true if it flipped one. */
    boolean correct(boolean[] bits, int at, int stride) {
        int syndrome = syndrome(bits, at, stride);
        if (syndrome == 0) {
            return false;
        }
        int position = positionOfSyndrome[syndrome];
        if (position < 0) {
            return false; // a syndrome no single error makes (the shortened code leaves some unused)
        }
        int index = at + position * stride;
        bits[index] = !bits[index];
        return true;
    }

    /** 0 when the codeword is consistent; otherwise which parity checks fail (a 4-bit mask). */
    int syndrome(boolean[] bits, int at, int stride) {
        int syndrome = computeParity(bits, at, stride);
        for (int p = 0; p < 4; p++) {
            if (bits[at + (dataBits + p) * stride]) {
                syndrome ^= 1 << p;
            }
        }
        return syndrome;
    }

    private int computeParity(boolean[] bits, int at, int stride) {
        int parity = 0;
        for (int d = 0; d < dataBits; d++) {
            if (bits[at + d * stride]) {
                parity ^= parityMaskOfDataBit[d];
            }
        }
        return parity;
    }
}
