package dev.outpost.gateway.link.pei;

import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.protocol.pei.CommandResult;
import dev.outpost.protocol.pei.PeiCommand;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The calls whose SDS is with the PEI session, in the order submitted (the session sends them in that order, one at
 * a time). A call's send instant is the moment its SDS body (the bytes ending Ctrl-Z, after the radio's prompt) is
 * handed to the port's writer: that is when the message leaves Outpost for the radio. Its receipt completes when
 * the radio's {@code OK} after {@code +CMGS} arrives, stamped with that send instant. Not thread-safe.
 */
final class PeiPendingCalls {
    private static final class Pending {
        final String callRef;
        final String address;
        final CompletableFuture<CallReceipt> receipt;
        long sentNanos;
        Instant sentAt;

        Pending(String callRef, String address, CompletableFuture<CallReceipt> receipt) {
            this.callRef = callRef;
            this.address = address;
            this.receipt = receipt;
        }
    }

    private final String linkId;
    private final Map<PeiCommand, Pending> byCommand = new IdentityHashMap<>();
    private final Deque<Pending> unsent = new ArrayDeque<>();

    PeiPendingCalls(String linkId) {
        this.linkId = linkId;
    }

    void add(PeiCommand.SendSds send, String callRef, String address, CompletableFuture<CallReceipt> receipt) {
        Pending pending = new Pending(callRef, address, receipt);
        byCommand.put(send, pending);
        unsent.addLast(pending);
    }

    /** The body of the oldest unsent call is being handed to the port now. */
    void bodyWritten(long nanos, Instant at) {
        Pending next = unsent.pollFirst();
        if (next != null) {
            next.sentNanos = nanos;
            next.sentAt = at;
        }
    }

    /**
     * Completes the call the command belongs to, if it is one of ours: {@code OK} gives the receipt; an error from
     * the radio refuses the address (it cannot send to it); no answer or a lost port fails the call, so that the
     * muster retries it or reports the unit unreachable.
     */
    void completed(PeiCommand command, CommandResult result, long nowNanos, Instant nowAt) {
        Pending pending = byCommand.remove(command);
        if (pending == null) {
            return;
        }
        unsent.remove(pending);
        boolean sent = pending.sentAt != null;
        long nanos = sent ? pending.sentNanos : nowNanos;
        Instant at = sent ? pending.sentAt : nowAt;
        if (result instanceof CommandResult.Ok) {
            pending.receipt.complete(new CallReceipt(pending.callRef, nanos, at, List.of()));
        } else if (result instanceof CommandResult.Failed) {
            pending.receipt.complete(new CallReceipt(pending.callRef, nanos, at, List.of(pending.address)));
        } else {
            String why = result instanceof CommandResult.TimedOut t ? "the radio gave no " + t.waitingFor()
                    + " in time" : ((CommandResult.Cancelled) result).reason();
            pending.receipt.completeExceptionally(new LinkUnavailableException(linkId, why));
        }
    }

    /** Fails every call still open (the link stops). */
    void failAll(String reason) {
        byCommand.values().forEach(p -> p.receipt.completeExceptionally(new LinkUnavailableException(linkId, reason)));
        byCommand.clear();
        unsent.clear();
    }

    int size() {
        return byCommand.size();
    }
}
