package dev.outpost.gateway.muster;

/**
 * Pacing for one link: a token per address, refilled at {@code perSecond}, holding at most
 * {@code capacity} tokens (one full batch). It starts full, so the first batch goes at once.
 * Credit is kept in nanoseconds of refill time, so a rate of 10/s costs exactly 100 ms per address.
 */
final class TokenBucket {
    /** Absorbs floating-point dust so a bucket declared ready at t is ready at t. */
    private static final double EPSILON_NANOS = 1e-3;

    private final double nanosPerToken;
    private final double capacityNanos;
    private double creditNanos;
    private long lastNanos;

    TokenBucket(double perSecond, int capacity, long nowNanos) {
        this.nanosPerToken = 1e9 / perSecond;
        this.capacityNanos = capacity * nanosPerToken;
        this.creditNanos = capacityNanos;
        this.lastNanos = nowNanos;
    }

    /** The earliest instant at or after {@code nowNanos} when {@code tokens} can be taken. */
    long readyAt(int tokens, long nowNanos) {
        refill(nowNanos);
        double missing = tokens * nanosPerToken - creditNanos;
        return missing <= EPSILON_NANOS ? nowNanos : nowNanos + (long) Math.ceil(missing - EPSILON_NANOS);
    }

    /** Takes {@code tokens} if available now. */
    boolean tryTake(int tokens, long nowNanos) {
        refill(nowNanos);
        double cost = tokens * nanosPerToken;
        if (creditNanos + EPSILON_NANOS < cost) {
            return false;
        }
        creditNanos = Math.max(0, creditNanos - cost);
        return true;
    }

    /**
     * Takes {@code tokens} once {@code needed} of them are available now, going into debt for the rest: later takes
     * wait until the debt is refilled. For one call that reaches more addresses than a batch holds.
     */
    boolean tryOverdraw(int needed, int tokens, long nowNanos) {
        refill(nowNanos);
        if (creditNanos + EPSILON_NANOS < needed * nanosPerToken) {
            return false;
        }
        creditNanos -= tokens * nanosPerToken;
        return true;
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            creditNanos = Math.min(capacityNanos, creditNanos + (nowNanos - lastNanos));
            lastNanos = nowNanos;
        }
    }
}
