package dev.outpost.gateway.html;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies counted in equal bins from 0 ms, for a histogram. The bin width is the smallest "round" width (10, 20,
 * 25, 50, 100 ms ... 60 s) that covers the largest latency in fewer than {@link #MAX_BINS} bins; latencies beyond
 * the last bin (only when even 60 s bins are too narrow) are counted in the last one.
 *
 * @param binMs  the width of each bin; bin i holds latencies in [i * binMs, (i + 1) * binMs)
 * @param counts how many latencies fell in each bin, at least one bin
 */
public record LatencyBins(long binMs, List<Integer> counts) {
    public static final int MAX_BINS = 20;
    private static final long[] ROUND_WIDTHS_MS = {10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000,
            20_000, 30_000, 60_000};

    public LatencyBins {
        counts = List.copyOf(counts);
    }

    public static LatencyBins of(List<Double> latenciesMs) {
        double max = latenciesMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        long binMs = ROUND_WIDTHS_MS[ROUND_WIDTHS_MS.length - 1];
        for (long candidate : ROUND_WIDTHS_MS) {
            if (max / candidate < MAX_BINS) {
                binMs = candidate;
                break;
            }
        }
        int bins = Math.max(1, (int) Math.min(MAX_BINS, Math.floor(max / binMs) + 1));
        Integer[] counts = new Integer[bins];
        Arrays.fill(counts, 0);
        for (double ms : latenciesMs) {
            counts[(int) Math.min(bins - 1, Math.floor(Math.max(0, ms) / binMs))]++;
        }
        return new LatencyBins(binMs, List.of(counts));
    }

    public int size() {
        return counts.size();
    }

    /** The largest count, at least 1 (so that bar heights can be divided by it). */
    public int highest() {
        return Math.max(1, counts.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
