package dev.outpost.protocol.hxt;

import java.util.random.RandomGenerator;

/** Raw JSON value texts, most of them hostile: what a tree cannot hold, or what only a parser limit stops. */
final class RawJson {
    private static final String[] LITERALS = {"NaN", "-Infinity", "Infinity", "tru", "nul", "01", "-", "1e",
        "0x10", "+1", ".5", "1.", "--1", "1e999999", "-1e-999999", "9007199254740991", "9007199254740992",
        "-0", "-0.0", "1E2", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uZZZZ\"", "\"\\x41\"", "\"a\\\"",
        "\"\u0000\"", "\"\ud800\"", "\"\udfff\"", "'single'", "undefined", "[]", "{}", "[,]", "{,}", "[1,]",
        "{\"a\":1,}", "\"\\u0000\"", "\"\uffff\"", "\"\ufeff\""};

    private RawJson() {
    }

    static String any(RandomGenerator r) {
        return switch (r.nextInt(8)) {
            case 0 -> hugeNumber(r);
            case 1 -> deepNesting(r);
            case 2 -> longString(r);
            case 3 -> duplicateKeyObject(r);
            default -> LITERALS[r.nextInt(LITERALS.length)];
        };
    }

    /** Integers past long, and past the parser's number-length limit; fractions and exponents too. */
    static String hugeNumber(RandomGenerator r) {
        int digits = r.nextInt(16) == 0 ? 900 + r.nextInt(2000) : 19 + r.nextInt(60);
        StringBuilder out = new StringBuilder(digits + 8);
        if (r.nextBoolean()) {
            out.append('-');
        }
        out.append(1 + r.nextInt(9));
        for (int i = 1; i < digits; i++) {
            out.append((char) ('0' + r.nextInt(10)));
        }
        switch (r.nextInt(3)) {
            case 0 -> out.append('.').append(r.nextInt(1000));
            case 1 -> out.append('e').append(r.nextInt(100_000) - 50_000);
            default -> {
                // a plain integer
            }
        }
        return out.toString();
    }

    /** Arrays and objects nested up to a few thousand deep: a recursive reader would overflow its stack. */
    static String deepNesting(RandomGenerator r) {
        int depth = r.nextInt(16) == 0 ? 400 + r.nextInt(12_000) : 2 + r.nextInt(60);
        boolean objects = r.nextBoolean();
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        StringBuilder out = new StringBuilder(depth * (open.length() + 1) + 1);
        out.append(open.repeat(depth)).append('1');
        out.append(close.repeat(r.nextInt(8) == 0 ? r.nextInt(depth + 1) : depth));
        return out.toString();
    }

    /** Strings around the identifier, text and frame limits. */
    static String longString(RandomGenerator r) {
        int[] lengths = {HxtLimits.MAX_ID_CHARS + 1, HxtLimits.MAX_TEXT_CHARS + 1, HxtLimits.MAX_ERROR_CHARS + 1,
            HxtLimits.MAX_FRAME_BYTES - 40, HxtLimits.MAX_FRAME_BYTES + 1, 20_000};
        int length = lengths[r.nextInt(8) == 0 ? r.nextInt(lengths.length) : r.nextInt(3)];
        String unit = r.nextBoolean() ? "x" : "收";
        return "\"" + unit.repeat(unit.equals("x") ? length : length / 3 + 1) + "\"";
    }

    private static String duplicateKeyObject(RandomGenerator r) {
        return "{\"user\":\"" + HxtMessageGen.id(r).replace("\\", "").replace("\"", "")
                + "\",\"user\":\"u2\"}";
    }
}
