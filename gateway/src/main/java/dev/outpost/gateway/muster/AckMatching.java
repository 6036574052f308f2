package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;

/** The rules that turn an ack into a unit's answer. */
final class AckMatching {
    private AckMatching() {
    }

    /** The unit in {@code call} that sent {@code event}: by unit id, else by bearer address. */
    static UnitState unitInCall(CallState call, UnitEvent event) {
        for (UnitState unit : call.units) {
            boolean sameUnit = event.unitId().map(unit.unit.unitId()::equals)
                    .orElseGet(() -> event.bearer() == call.lane.link.bearer() && event.address().equals(unit.address));
            if (sameUnit) {
                return unit;
            }
        }
        return null;
    }

    /**
     * The outcome an ack received at {@code receivedNanos} gives a unit that has not answered yet, or
     * null when it changes nothing. A pending unit is acked. A unit already marked {@code no_answer}
     * is still acked if the ack arrived by its deadline (the timer merely ran first), late within the
     * late window, and unchanged after it. Other outcomes are final.
     */
    static MusterOutcome judge(UnitState unit, long receivedNanos, long lateWindowNanos) {
        if (unit.pending()) {
            return MusterOutcome.ACKED;
        }
        if (unit.outcome != MusterOutcome.NO_ANSWER) {
            return null;
        }
        if (receivedNanos <= unit.deadlineNanos) {
            return MusterOutcome.ACKED;
        }
        return receivedNanos <= unit.deadlineNanos + lateWindowNanos ? MusterOutcome.LATE : null;
    }

    /**
     * Stores the answer. The attempt is the call's when the ack named it (or, for a key-up, the attempt whose T0 it
     * follows), else the unit's latest. {@code ack} is null for a key-up: no status, no staff.
     */
    static void record(UnitState unit, MusterOutcome outcome, CallState call, UnitEvent event, EventPayload.Ack ack) {
        unit.finish(outcome, "");
        unit.status = ack == null ? null : ack.status();
        unit.staff = ack == null ? null : ack.staff();
        unit.ackNanos = event.receivedNanos();
        unit.ackAt = event.receivedAt();
        unit.attemptAnswered = call != null ? call.attempt : unit.attemptsDispatched;
        unit.eventId = event.eventId();
        unit.ackLinkId = event.linkId();
    }
}
