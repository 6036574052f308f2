package dev.outpost.bench.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One-way latencies in nanoseconds (1 µs to 60 s, 3 significant digits), summarised in milliseconds. */
final class Latencies {
    private final Histogram histogram = new Histogram(1_000, 60_000_000_000L, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1_000, Math.min(nanos, 60_000_000_000L)));
    }

    synchronized Summary summary() {
        return new Summary(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Count and percentiles in ms. */
    record Summary(long count, double p50, double p99, double p999, double max) {
        /** This minus a floor, percentile by percentile. */
        Summary above(Summary floor) {
            return new Summary(count, p50 - floor.p50, p99 - floor.p99, p999 - floor.p999, max - floor.max);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"count\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
                    + "\"max_ms\":%.3f}", count, p50, p99, p999, max);
        }

        String cells() {
            return String.format(Locale.ROOT, "%,d | %.3f | %.3f | %.3f | %.3f", count, p50, p99, p999, max);
        }
    }
}
