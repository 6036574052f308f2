package dev.outpost.simulator.truth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each unit's first DMR exchange of one kind since an instant, from the ground truth: the first request that reached
 * its repeater and the first answer the repeater sent on. What a gateway can see of it is
 * {@link Exchange#expectedNanos()}: from the request's arrival to the answer's DMRD leaving, i.e. the radio's true
 * delay plus the slot wait and air time.
 */
public final class DmrExchanges {
    private DmrExchanges() {
    }

    /** A unit's first request and first answer. */
    public record Exchange(TruthEntry.DmrDelivered call, TruthEntry.DmrReplied answer) {
        /** The answer's DMRD leaving the repeater minus the request's arrival there. */
        public long expectedNanos() {
            return answer.sentMonoNanos() - call.arrivedMonoNanos();
        }
    }

    /**
     * By unit id, for units with both a request (arrived at or after {@code fromNanos}) and an answer (its request
     * reached the radio at or after {@code fromNanos}) of {@code kind} (e.g. {@code "radio_check"}).
     */
    public static Map<String, Exchange> since(List<TruthEntry> truth, String kind, long fromNanos) {
        Map<String, TruthEntry.DmrDelivered> firstCall = new HashMap<>();
        Map<String, TruthEntry.DmrReplied> firstReply = new HashMap<>();
        for (TruthEntry e : truth) {
            if (e instanceof TruthEntry.DmrDelivered d && d.kind().equals(kind) && d.arrivedMonoNanos() >= fromNanos) {
                firstCall.merge(d.unitId(), d, (a, b) -> a.arrivedMonoNanos() <= b.arrivedMonoNanos() ? a : b);
            } else if (e instanceof TruthEntry.DmrReplied r && r.kind().equals(kind)
                    && r.reachMonoNanos() >= fromNanos) {
                firstReply.merge(r.unitId(), r, (a, b) -> a.sentMonoNanos() <= b.sentMonoNanos() ? a : b);
            }
        }
        Map<String, Exchange> out = new HashMap<>();
        firstReply.forEach((unit, answer) -> {
            TruthEntry.DmrDelivered call = firstCall.get(unit);
            if (call != null) {
                out.put(unit, new Exchange(call, answer));
            }
        });
        return out;
    }
}
