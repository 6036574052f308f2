package dev.outpost.simulator.behaviour;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/** How long a simulated terminal takes to answer a call. Samples are in nanoseconds. */
public sealed interface DelayDistribution {

    long sampleNanos(SplittableRandom random);

    /** A machine answering: tight normal spread, clamped below so it is never instant. */
    record Normal(Duration mean, Duration sd, Duration min) implements DelayDistribution {
        public Normal {
            requireNonNegative(mean, "mean");
            requireNonNegative(sd, "sd");
            requireNonNegative(min, "min");
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            double v = mean.toNanos() + gaussian(random) * sd.toNanos();
            return Math.max(min.toNanos(), Math.round(v));
        }
    }

    /** A person answering: right-skewed (most answer quickly, a few take long), capped at max. */
    record LogNormal(Duration median, double sigma, Duration max) implements DelayDistribution {
        public LogNormal {
            requireNonNegative(median, "median");
            requireNonNegative(max, "max");
            if (median.isZero() || !(sigma >= 0)) {
                throw new IllegalArgumentException("log-normal needs median > 0 and sigma >= 0");
            }
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            double v = median.toNanos() * Math.exp(sigma * gaussian(random));
            return Math.min(max.toNanos(), Math.round(v));
        }
    }

    /** Always the same delay: handy in tests. */
    record Fixed(Duration delay) implements DelayDistribution {
        public Fixed {
            requireNonNegative(delay, "delay");
        }

        @Override
        public long sampleNanos(SplittableRandom random) {
            return delay.toNanos();
        }
    }

    private static void requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }

    /** Standard normal deviate (Box-Muller); SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
