package dev.outpost.gateway.muster;

import java.util.List;

/** How units that did not answer are settled: {@code no_answer} with a deadline, or {@code unreachable}. */
final class UnitVerdicts {
    private UnitVerdicts() {
    }

    /** No more attempts: {@code no_answer} from {@code endNanos} if any call may have gone out, else unreachable. */
    static void concludeUnanswered(UnitState unit, long endNanos, String unsentReason) {
        if (unit.maybeSent()) {
            unit.finish(MusterOutcome.NO_ANSWER, "");
            unit.deadlineNanos = endNanos;
        } else {
            unit.finish(MusterOutcome.UNREACHABLE, unsentReason);
        }
    }

    /** The end of the last attempt that went out (or may have), or {@code fallbackNanos} when none did. */
    static long endOfLastSentAttempt(UnitState unit, MusterTiming timing, long fallbackNanos) {
        return unit.calls.stream().filter(c -> !c.failed).mapToLong(timing::expiry).max().orElse(fallbackNanos);
    }

    /** At the overall deadline every pending unit is settled; units never sent are unreachable. */
    static void closeAtDeadline(List<UnitState> units, MusterTiming timing) {
        for (UnitState unit : units) {
            if (unit.pending()) {
                if (unit.calls.isEmpty()) {
                    unit.finish(MusterOutcome.UNREACHABLE, "not sent before the deadline");
                } else {
                    concludeUnanswered(unit, timing.deadlineNanos(), "every attempt failed to send");
                }
            }
        }
    }

    /** When the last {@code no_answer} unit's late window closes ({@code nowNanos} if none is open). */
    static long lateWindowEnd(List<UnitState> units, MusterTiming timing, long nowNanos) {
        long end = nowNanos;
        for (UnitState unit : units) {
            if (unit.outcome == MusterOutcome.NO_ANSWER) {
                end = Math.max(end, unit.deadlineNanos + timing.lateWindowNanos());
            }
        }
        return end;
    }
}
