package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallReceipt;
import java.util.List;

/**
 * Rebuilds a muster from its start record and recorded inputs (see {@link MusterInput}) on a monotonic timeline whose
 * start is {@code startNanos}: after a restart, or to check that a journal reproduces a report. The calls those inputs
 * made went out before, so the sends asked for while replaying are dropped; the acks it re-derives are left for
 * {@link MusterEngine#pollAcks()}. The start is not checked again: it was accepted when it first ran.
 */
public final class MusterReplay {
    private MusterReplay() {}

    public static MusterEngine replay(MusterStart start, long startNanos, List<MusterInput> inputs) {
        MusterEngine engine = MusterEngine.rebuilt(start, startNanos);
        engine.handleTimeout(startNanos);
        engine.discardSends();
        for (MusterInput input : inputs) {
            apply(engine, input, startNanos);
            engine.discardSends();
        }
        return engine;
    }

    /** Inputs are stored as offsets from the start; they are fed back at the same instants on the new timeline. */
    private static void apply(MusterEngine engine, MusterInput input, long startNanos) {
        long at = startNanos + input.atOffsetNanos();
        if (input instanceof MusterInput.Tick) {
            engine.handleTimeout(at);
        } else if (input instanceof MusterInput.Receipt r) {
            CallReceipt receipt = r.receipt();
            engine.onReceipt(new CallReceipt(receipt.callRef(), startNanos + receipt.sentNanos(), receipt.sentAt(),
                    receipt.refused()), at);
        } else if (input instanceof MusterInput.CallFailed f) {
            engine.onCallFailed(f.callRef(), f.reason(), at);
        } else if (input instanceof MusterInput.Ack a) {
            UnitEvent e = a.event();
            engine.onAck(e.withReceivedNanos(startNanos + e.receivedNanos()), at);
        } else if (input instanceof MusterInput.Ptt p) {
            UnitEvent e = p.event();
            engine.onPtt(e.withReceivedNanos(startNanos + e.receivedNanos()), at);
        } else if (input instanceof MusterInput.Cancel) {
            engine.cancel(at);
        }
    }
}
