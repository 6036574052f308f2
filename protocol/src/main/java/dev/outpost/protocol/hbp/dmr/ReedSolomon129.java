package dev.outpost.protocol.hbp.dmr;

/**
 * Reed-Solomon (12,9) over GF(2^8) (field polynomial x^8 + x^4 + x^3 + x^2 + 1), the parity of a full link
 * control (ETSI TS 102 361-1 Annex B.3.6). The generator is (x + a)(x + a^2)(x + a^3), a = 2; the 3 parity bytes
 * are the remainder of msg(x) * x^3, highest power first. Outpost uses it as a check, as MMDVMHost's RS129 does:
 * a full LC that fails it is rejected, not repaired.
 */
public final class ReedSolomon129 {
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    /** Generator coefficients of x^0, x^1, x^2 (x^3's is 1). */
    private static final int[] GENERATOR = new int[3];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if ((x & 0x100) != 0) {
                x ^= 0x11D;
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
        int[] g = {1}; // coefficients, lowest power first
        for (int root = 1; root <= 3; root++) {
            int[] next = new int[g.length + 1];
            for (int i = 0; i < g.length; i++) {
                next[i + 1] ^= g[i];
                next[i] ^= multiply(g[i], EXP[root]);
            }
            g = next;
        }
        System.arraycopy(g, 0, GENERATOR, 0, 3);
    }

    private ReedSolomon129() {
    }

    /** The 3 parity bytes of the first 9 bytes of {@code message}. */
    public static byte[] parity(byte[] message) {
        int[] remainder = new int[3]; // remainder[i] is the coefficient of x^i
        for (int i = 0; i < 9; i++) {
            int feedback = (message[i] & 0xFF) ^ remainder[2];
            remainder[2] = remainder[1] ^ multiply(GENERATOR[2], feedback);
            remainder[1] = remainder[0] ^ multiply(GENERATOR[1], feedback);
            remainder[0] = multiply(GENERATOR[0], feedback);
        }
        return new byte[] {(byte) remainder[2], (byte) remainder[1], (byte) remainder[0]};
    }

    private static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }
}
