package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One unit's progress through a muster. Mutable; owned by the engine's thread. */
final class UnitState {
    final Unit unit;
    /** The link chosen at start; null for units excluded or unreachable at start. */
    final LinkLane lane;
    final String address;
    final List<CallState> calls = new ArrayList<>();

    int attemptsDispatched;
    boolean queued;
    /** Null while the unit is pending; set once, except that {@code no_answer} may become {@code late}. */
    MusterOutcome outcome;
    String detail = "";
    /** For {@code no_answer}: the end of the unit's last attempt, after which an ack is late. */
    long deadlineNanos;

    // The answer, once there is one.
    long ackNanos;
    Instant ackAt;
    int attemptAnswered;
    String status;
    Integer staff;
    String eventId;
    String ackLinkId;
    /** Whether latency is known; it waits while the first call's receipt is outstanding. */
    boolean latencyResolved;
    long latencyNanos;
    boolean latencyEstimated;
    /** The muster's counts this unit is part of; none until the engine adopts the unit. */
    private Tally tally;

    UnitState(Unit unit, LinkLane lane, String address) {
        this.unit = unit;
        this.lane = lane;
        this.address = address;
    }

    static UnitState finishedAtStart(Unit unit, MusterOutcome outcome, String detail) {
        UnitState state = new UnitState(unit, null, null);
        state.outcome = outcome;
        state.detail = detail;
        return state;
    }

    boolean pending() {
        return outcome == null;
    }

    /** Answered, with the latency not known yet (the first call's receipt is outstanding). */
    boolean unresolvedAnswer() {
        return answered() && !latencyResolved;
    }

    /** Makes this unit part of {@code muster}'s counts; every later change of state updates them. */
    void countIn(Tally muster) {
        tally = muster;
        muster.add(this);
    }

    /** Pending and not in a call whose attempt is still open: the next attempt may be sent. */
    boolean waitsForCall() {
        return pending() && (latestCall() == null || latestCall().expired);
    }

    CallState latestCall() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    boolean answered() {
        return outcome != null && outcome.isAnswer();
    }

    /** Whether any call to this unit is known (or may yet turn out) to have left the gateway. */
    boolean maybeSent() {
        return calls.stream().anyMatch(c -> !c.failed);
    }

    /**
     * The send instant of the first attempt that actually went out: the receipt of the earliest call not
     * known to have failed. Null while that call's receipt is outstanding or when nothing was sent.
     */
    CallState firstSentCall() {
        for (CallState call : calls) {
            if (call.receipted) {
                return call;
            }
            if (!call.failed) {
                return null;
            }
        }
        return null;
    }

    /** Fixes the latency once the first sent call's receipt is known; true when it was resolved now. */
    boolean tryResolveLatency() {
        if (!answered() || latencyResolved) {
            return false;
        }
        CallState first = firstSentCall();
        if (first == null) {
            return false;
        }
        boolean wasUnresolved = unresolvedAnswer();
        latencyNanos = ackNanos - first.sentNanos;
        latencyResolved = true;
        recount(false, wasUnresolved, outcome);
        return true;
    }

    /** At finish, an answer whose call never got a receipt is measured from the first dispatch instead. */
    void estimateLatency() {
        if (answered() && !latencyResolved && !tryResolveLatency() && !calls.isEmpty()) {
            latencyNanos = ackNanos - calls.get(0).dispatchNanos;
            latencyEstimated = true;
            latencyResolved = true;
            recount(false, true, outcome);
            detail = "send instant estimated from dispatch (no receipt)";
        }
    }

    void finish(MusterOutcome finalOutcome, String why) {
        boolean wasPending = pending();
        boolean wasUnresolved = unresolvedAnswer();
        MusterOutcome was = outcome;
        outcome = finalOutcome;
        detail = why;
        recount(wasPending, wasUnresolved, was);
    }

    private void recount(boolean wasPending, boolean wasUnresolvedAnswer, MusterOutcome wasOutcome) {
        if (tally != null) {
            tally.changed(this, wasPending, wasUnresolvedAnswer, wasOutcome);
        }
    }
}
