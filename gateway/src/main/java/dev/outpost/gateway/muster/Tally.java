package dev.outpost.gateway.muster;

/**
 * Running counts of a muster's units that keep it open: those still pending and those answered whose latency is not
 * known yet. The engine asks "is anyone still waiting?" after every event; counting as units change answers that in
 * constant time instead of a scan of every unit (a city muster has 27,000). Kept by {@link UnitState}'s mutators.
 */
final class Tally {
    private int pending;
    private int unresolvedAnswers;

    /** Counts a unit as it enters the muster. */
    void add(UnitState unit) {
        pending += unit.pending() ? 1 : 0;
        unresolvedAnswers += unit.unresolvedAnswer() ? 1 : 0;
    }

    /** A unit changed from the state described by the two flags to its current one. */
    void changed(UnitState unit, boolean wasPending, boolean wasUnresolvedAnswer) {
        pending += (unit.pending() ? 1 : 0) - (wasPending ? 1 : 0);
        unresolvedAnswers += (unit.unresolvedAnswer() ? 1 : 0) - (wasUnresolvedAnswer ? 1 : 0);
    }

    boolean anyPending() {
        return pending > 0;
    }

    /** Some unit is pending, or answered with its latency still unknown: the muster cannot settle yet. */
    boolean anyWaiting() {
        return pending > 0 || unresolvedAnswers > 0;
    }
}
