package dev.outpost.gateway.readiness;

import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * When readiness is recomputed: after musters, once none has run for a quiet period. Recomputing reads 30 days of
 * the journal and republishes thousands of retained figures; run beside a muster, that work took the CPU from the
 * threads that timestamp its acks (on a 2-core box it put units of the next muster 10-50 ms off the truth). Drills
 * often come back to back (a street, then the district), and readiness is not needed during a muster, so the
 * recompute waits until the last one has finished and no other started within {@code quiet}; when musters keep
 * overlapping it runs anyway once it has waited {@code maxDeferral}. Pure: the caller schedules the attempts. Called
 * on the muster service's one thread.
 */
final class RecomputeGate {
    private final long quietNanos;
    private final long maxDeferralNanos;
    private final Set<String> running = new HashSet<>();
    private boolean due;
    private long dueSinceNanos;
    private long lastStartNanos = Long.MIN_VALUE;

    RecomputeGate(Duration quiet, Duration maxDeferral) {
        this.quietNanos = quiet.toNanos();
        this.maxDeferralNanos = maxDeferral.toNanos();
    }

    void started(String musterId, long nowNanos) {
        running.add(musterId);
        lastStartNanos = nowNanos;
    }

    /** A muster finished: when to {@link #attempt} the recompute, or empty while another still runs. */
    OptionalLong finished(String musterId, long nowNanos) {
        running.remove(musterId);
        if (!due) {
            due = true;
            dueSinceNanos = nowNanos;
        }
        if (overdue(nowNanos)) {
            return OptionalLong.of(nowNanos);
        }
        return running.isEmpty() ? OptionalLong.of(nowNanos + quietNanos) : OptionalLong.empty();
    }

    /** At an instant {@link #finished} gave: whether to recompute now (true once per due recompute). */
    boolean attempt(long nowNanos) {
        if (!due) {
            return false;
        }
        boolean quiet = running.isEmpty()
                && (lastStartNanos == Long.MIN_VALUE || nowNanos - lastStartNanos >= quietNanos);
        if (!quiet && !overdue(nowNanos)) {
            return false; // a muster started meanwhile: its finish schedules the next attempt
        }
        due = false;
        return true;
    }

    private boolean overdue(long nowNanos) {
        return nowNanos - dueSinceNanos >= maxDeferralNanos;
    }
}
