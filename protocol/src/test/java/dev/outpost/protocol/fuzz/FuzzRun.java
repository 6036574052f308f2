package dev.outpost.protocol.fuzz;

import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Seed, size and reporting of the line-protocol fuzz tests. The seed is fixed for CI
 * ({@code -Doutpost.fuzz.seed=N} explores others); {@code -Doutpost.fuzz.lineInputs=N} sets the inputs per test
 * (default {@value #DEFAULT_INPUTS}).
 */
public final class FuzzRun {
    public static final int DEFAULT_INPUTS = 100_000;
    public static final long SEED = Long.getLong("outpost.fuzz.seed", 20_261_129L);
    public static final int INPUTS = Integer.getInteger("outpost.fuzz.lineInputs", DEFAULT_INPUTS);
    /** A reason names the rule broken; anything much longer is echoing the input. */
    public static final int MAX_REASON_CHARS = 200;

    private final String property;
    private final long startNanos = System.nanoTime();
    public long valid;
    public long invalid;

    public FuzzRun(String property) {
        this.property = property;
    }

    public RandomGenerator random() {
        return new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + property.hashCode());
    }

    /** Names the failing input; built only on failure. */
    public Supplier<String> origin(int index, byte[] input) {
        return () -> property + " seed=" + SEED + " input#" + index + " hex=" + HexFormat.of().formatHex(input,
                0, Math.min(input.length, 400));
    }

    public String report() {
        return String.format(Locale.ROOT, "%s fuzz: inputs=%d frames valid=%d invalid=%d in %.1f s; seed=%d"
                + " (override with -Doutpost.fuzz.seed=N, -Doutpost.fuzz.lineInputs=N)", property, INPUTS, valid,
                invalid, (System.nanoTime() - startNanos) / 1e9, SEED);
    }
}
