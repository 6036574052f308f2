package dev.outpost.protocol.hbp.dmr;

/**
 * BPTC(196,96), the block product turbo code that carries 96 bits (12 bytes) of CSBK, LC header and terminator
 * in a DMR data burst (ETSI TS 102 361-1 Annex B.1.1). Written from the spec; its layout agrees with MMDVMHost
 * BPTC19696.cpp (v2025):
 * <ul>
 * <li>a 13 x 15 matrix after one reserved bit R(3): rows 0..8 hold 11 data bits and 4 Hamming (15,11,3) bits,
 *     rows 9..12 the Hamming (13,9,3) bits of each column; row 0 starts with R(2..0), so 8 + 8 x 11 = 96 data bits;
 * <li>matrix position p travels as transmitted bit {@code (p * 181) mod 196} (the interleaver);
 * <li>the 196 bits are burst bits 0..97 and 166..263, around the slot type and sync.
 * </ul>
 * Decoding corrects one bit per row and per column, alternating, for up to five passes. More damage than that
 * leaves a residual syndrome or, worse, a wrong "correction": the CRC of the payload (CSBK, RS of a full LC) is what
 * rejects it. Stateless and thread-safe.
 */
public final class Bptc19696 {
    private static final int BITS = 196;
    private static final int COLUMNS = 15;
    private static final int DATA_ROWS = 9;
    private static final int MAX_PASSES = 5;
    /** Burst bit of each of the 196 transmitted bits, in transmission order. */
    private static final int[] BURST_BIT = new int[BITS];
    /** Matrix position (0..195) of each of the 96 payload bits, in payload order. */
    private static final int[] DATA_POSITION = new int[96];

    static {
        for (int k = 0; k < BITS; k++) {
            BURST_BIT[k] = k < 98 ? k : k - 98 + 166;
        }
        int n = 0;
        for (int position = 4; position <= 11; position++) {
            DATA_POSITION[n++] = position;
        }
        for (int row = 1; row < DATA_ROWS; row++) {
            for (int column = 0; column < 11; column++) {
                DATA_POSITION[n++] = matrix(row, column);
            }
        }
    }

    private Bptc19696() {
    }

    /** What {@link #decode} recovered: 12 payload bytes, how many bits it flipped, and whether damage remains. */
    public record Result(byte[] payload, int correctedBits, boolean residualErrors) {
    }

    /** Writes the BPTC codeword of a 12-byte payload into the info bits of a 33-byte burst (other bits untouched). */
    public static void encode(byte[] payload12, byte[] burst33) {
        boolean[] matrix = new boolean[BITS];
        for (int i = 0; i < 96; i++) {
            matrix[DATA_POSITION[i]] = Bits.get(payload12, i);
        }
        for (int row = 0; row < DATA_ROWS; row++) {
            Hamming.ROW.encode(matrix, matrix(row, 0), 1);
        }
        for (int column = 0; column < COLUMNS; column++) {
            Hamming.COLUMN.encode(matrix, matrix(0, column), COLUMNS);
        }
        for (int position = 0; position < BITS; position++) {
            Bits.set(burst33, BURST_BIT[transmitted(position)], matrix[position]);
        }
    }

    /** Decodes the info bits of a 33-byte burst, correcting what the Hamming codes can. */
    public static Result decode(byte[] burst33) {
        boolean[] matrix = new boolean[BITS];
        for (int position = 0; position < BITS; position++) {
            matrix[position] = Bits.get(burst33, BURST_BIT[transmitted(position)]);
        }
        int corrected = 0;
        boolean fixing = true;
        for (int pass = 0; pass < MAX_PASSES && fixing; pass++) {
            int before = corrected;
            for (int column = 0; column < COLUMNS; column++) {
                corrected += Hamming.COLUMN.correct(matrix, matrix(0, column), COLUMNS) ? 1 : 0;
            }
            for (int row = 0; row < DATA_ROWS; row++) {
                corrected += Hamming.ROW.correct(matrix, matrix(row, 0), 1) ? 1 : 0;
            }
            fixing = corrected != before;
        }
        byte[] payload = new byte[12];
        for (int i = 0; i < 96; i++) {
            Bits.set(payload, i, matrix[DATA_POSITION[i]]);
        }
        return new Result(payload, corrected, hasSyndrome(matrix));
    }

    private static boolean hasSyndrome(boolean[] matrix) {
        for (int column = 0; column < COLUMNS; column++) {
            if (Hamming.COLUMN.syndrome(matrix, matrix(0, column), COLUMNS) != 0) {
                return true;
            }
        }
        for (int row = 0; row < DATA_ROWS; row++) {
            if (Hamming.ROW.syndrome(matrix, matrix(row, 0), 1) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The transmitted bit (0..195) that carries matrix position {@code position}: the interleaver. */
    private static int transmitted(int position) {
        return (position * 181) % BITS;
    }

    private static int matrix(int row, int column) {
        return 1 + row * COLUMNS + column;
    }
}
