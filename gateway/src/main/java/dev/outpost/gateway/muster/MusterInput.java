package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallReceipt;
import java.util.Objects;

/**
 * One input the driver fed a {@link MusterEngine}, with its instant as an offset from the muster's start. The engine
 * is deterministic, so its start plus these inputs in order rebuild it exactly (that is how a muster survives a
 * restart). Instants inside inputs (a receipt's send instant, an ack's receive instant) are offsets too.
 */
public sealed interface MusterInput {
    /** Nanoseconds from the muster's start to when the input was applied. */
    long atOffsetNanos();

    /** A timer fired ({@link MusterEngine#handleTimeout}). */
    record Tick(long atOffsetNanos) implements MusterInput {
    }

    /** A call left the gateway; {@code receipt.sentNanos()} is an offset from the muster's start. */
    record Receipt(long atOffsetNanos, CallReceipt receipt) implements MusterInput {
        public Receipt {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    record CallFailed(long atOffsetNanos, String callRef, String reason) implements MusterInput {
        public CallFailed {
            Objects.requireNonNull(callRef, "callRef");
            reason = reason == null ? "" : reason;
        }
    }

    /** An ack event; {@code event.receivedNanos()} is an offset from the muster's start. */
    record Ack(long atOffsetNanos, UnitEvent event) implements MusterInput {
        public Ack {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A PTT start or end on the talkgroup of a voice muster over talkgroup links (DMR): the dispatcher's end is T0, a
     * unit's key-up its ack. {@code event.receivedNanos()} is an offset from the muster's start.
     */
    record Ptt(long atOffsetNanos, UnitEvent event) implements MusterInput {
        public Ptt {
            Objects.requireNonNull(event, "event");
        }
    }

    record Cancel(long atOffsetNanos) implements MusterInput {
    }
}
