package dev.outpost.gateway.muster;

/**
 * Running counts of a muster's units that keep it open: those still pending and those answered whose latency is not
 * known yet. The engine asks "is anyone still waiting?" after every event; counting as units change answers that in
 * constant time instead of a scan of every unit (a city muster has 27,000). Kept by {@link UnitState}'s mutators.
 */
final class Tally {
    private final int[] byOutcome = new int[MusterOutcome.values().length];
    private int pending;
    private int unresolvedAnswers;

    /** Counts a unit as it enters the muster. */
    void add(UnitState unit) {
        pending += unit.pending() ? 1 : 0;
        unresolvedAnswers += unit.unresolvedAnswer() ? 1 : 0;
        count(unit.outcome, 1);
    }

    /** A unit changed from the state described by the flags and outcome (null: pending) to its current one. */
    void changed(UnitState unit, boolean wasPending, boolean wasUnresolvedAnswer, MusterOutcome wasOutcome) {
        pending += (unit.pending() ? 1 : 0) - (wasPending ? 1 : 0);
        unresolvedAnswers += (unit.unresolvedAnswer() ? 1 : 0) - (wasUnresolvedAnswer ? 1 : 0);
        count(wasOutcome, -1);
        count(unit.outcome, 1);
    }

    private void count(MusterOutcome outcome, int delta) {
        if (outcome != null) {
            byOutcome[outcome.ordinal()] += delta;
        }
    }

    /** Units with this outcome now (progress snapshots read these every 500 ms). */
    int count(MusterOutcome outcome) {
        return byOutcome[outcome.ordinal()];
    }

    int pending() {
        return pending;
    }

    boolean anyPending() {
        return pending > 0;
    }

    /** Some unit is pending, or answered with its latency still unknown: the muster cannot settle yet. */
    boolean anyWaiting() {
        return pending > 0 || unresolvedAnswers > 0;
    }
}
