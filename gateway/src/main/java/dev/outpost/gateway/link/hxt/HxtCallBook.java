package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.protocol.hxt.HxtSessionOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Roll calls sent on the current connection, by seq, until their reply, failure or the disconnect. */
final class HxtCallBook {
    private record PendingCall(String callRef, long sentNanos, Instant sentAt, CompletableFuture<CallReceipt> result) {
    }

    private final String linkId;
    private final Map<Long, PendingCall> bySeq = new HashMap<>();

    HxtCallBook(String linkId) {
        this.linkId = linkId;
    }

    void sent(long seq, String callRef, long sentNanos, Instant sentAt, CompletableFuture<CallReceipt> result) {
        bySeq.put(seq, new PendingCall(callRef, sentNanos, sentAt, result));
    }

    /**
     * Moves a pending call's send instant to when its bytes were handed to the socket. The instant taken before the
     * write includes our own WebSocket encoding, which is not time on the network (measured: 0.1 ms median, ms when
     * code is cold).
     */
    void written(long seq, long writtenNanos, Instant writtenAt) {
        bySeq.computeIfPresent(seq, (k, call) -> new PendingCall(call.callRef(), writtenNanos, writtenAt, call.result()));
    }

    /** Completes the call a roll_call success answers; the receipt lists the refused users. */
    void replied(HxtSessionOutput.Replied replied) {
        if (replied.request() instanceof HxtCommand.RollCall rollCall
                && replied.reply() instanceof HxtReply.RollCallOk ok) {
            PendingCall call = bySeq.remove(rollCall.seq());
            if (call != null) {
                List<String> refused = ok.refused().stream().map(HxtReply.Refusal::user).toList();
                call.result().complete(new CallReceipt(call.callRef(), call.sentNanos(), call.sentAt(), refused));
            }
        }
    }

    /** Fails the call behind a failed roll_call; returns false if the request was not a tracked call. */
    boolean failed(HxtSessionOutput.Failed failed) {
        if (!(failed.request() instanceof HxtCommand.RollCall rollCall)) {
            return false;
        }
        PendingCall call = bySeq.remove(rollCall.seq());
        if (call != null) {
            call.result().completeExceptionally(new HxtCallException(linkId, call.callRef(), failed.reason()));
        }
        return true;
    }

    /** The connection is gone: every pending call fails as "link unavailable". */
    void connectionLost(String reason) {
        List<PendingCall> lost = new ArrayList<>(bySeq.values());
        bySeq.clear();
        lost.forEach(c -> c.result().completeExceptionally(new LinkUnavailableException(linkId, reason)));
    }
}
