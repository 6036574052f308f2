package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a muster's units answered: applies an ack (or a voice key-up) to its unit, counts duplicates and ignored acks,
 * and collects the acks whose latency is known, for the driver to publish. Part of the engine, on its thread.
 */
final class Answers {
    private final String musterId;
    private final List<MusterAck> ready = new ArrayList<>();
    private int duplicates;
    private int ignored;

    Answers(String musterId) {
        this.musterId = musterId;
    }

    /** {@code ack} is null for a key-up, which carries no status or staff. */
    AckResult apply(UnitState unit, CallState call, UnitEvent event, EventPayload.Ack ack, MusterTiming timing) {
        if (unit.answered()) {
            duplicates++;
            return AckResult.DUPLICATE;
        }
        MusterOutcome outcome = AckMatching.judge(unit, event.receivedNanos(), timing.lateWindowNanos());
        if (outcome == null) {
            return ignore();
        }
        AckMatching.record(unit, outcome, call, event, ack);
        emitIfResolved(unit);
        return AckResult.MATCHED;
    }

    AckResult ignore() {
        ignored++;
        return AckResult.IGNORED;
    }

    /** An answered unit's ack is published once its latency is known (its call's send instant has been receipted). */
    void emitIfResolved(UnitState unit) {
        if (unit.tryResolveLatency()) {
            ready.add(MusterRecords.ack(musterId, unit));
        }
    }

    /** At the end: a unit whose call was never receipted is published with its estimated latency. */
    void emitEstimated(UnitState unit) {
        unit.estimateLatency();
        ready.add(MusterRecords.ack(musterId, unit));
    }

    List<MusterAck> drain() {
        List<MusterAck> out = List.copyOf(ready);
        ready.clear();
        return out;
    }

    int duplicates() {
        return duplicates;
    }

    int ignored() {
        return ignored;
    }
}
