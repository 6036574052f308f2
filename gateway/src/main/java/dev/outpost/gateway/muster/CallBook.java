package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.muster.report.GroupUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A muster's calls: makes them as pacing allows, finds them by reference, and tracks which attempts are open. */
final class CallBook {
    private final String musterId;
    private final MusterRequest request;
    private final MusterTiming timing;
    private final Map<String, CallState> byRef = new HashMap<>();
    /**
     * Attempts still open, soonest end first: the engine needs the next end after every event, and a city muster has
     * over a thousand calls open at once, so they are kept in order rather than scanned. A call's end moves when its
     * receipt comes ({@link #receipted}), which re-files it.
     */
    private final TreeSet<CallState> open = new TreeSet<>(
            Comparator.comparingLong((CallState c) -> c.filedExpiry).thenComparingLong(c -> c.serial));
    private long serials;
    private final List<SendCall> outbox = new ArrayList<>();
    /** Batch numbers count per link (not per channel), so references stay unique across a link's channels. */
    private final Map<String, Integer> batchNumbers = new HashMap<>();
    private final List<GroupUse> groupsUsed = new ArrayList<>();

    CallBook(String musterId, MusterRequest request, MusterTiming timing) {
        this.musterId = musterId;
        this.request = request;
        this.timing = timing;
    }

    CallState get(String callRef) {
        return callRef == null ? null : byRef.get(callRef);
    }

    /** The soonest end of an open attempt, or {@code otherwise} when none is open. */
    long nextExpiry(long otherwise) {
        return open.isEmpty() ? otherwise : open.first().filedExpiry;
    }

    /** Removes and returns the open calls whose attempt has ended by {@code now}, soonest first. */
    List<CallState> takeExpired(long now) {
        List<CallState> due = new ArrayList<>();
        while (!open.isEmpty() && open.first().filedExpiry <= now) {
            due.add(open.pollFirst());
        }
        return due;
    }

    /** A call left the gateway at {@code sentNanos}: its attempt now ends a timeout after that. */
    void receipted(CallState call, long sentNanos, Instant sentAt) {
        boolean wasOpen = open.remove(call);
        call.receipted = true;
        call.failed = false;
        call.sentNanos = sentNanos;
        call.sentAt = sentAt;
        if (wasOpen) {
            file(call);
        }
    }

    private void file(CallState call) {
        call.filedExpiry = timing.expiry(call);
        open.add(call);
    }

    List<SendCall> drainOutbox() {
        List<SendCall> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    /** Makes every call the lanes' pacing and in-flight limits allow at {@code now}. */
    void dispatch(Collection<LinkLane> lanes, long now) {
        for (LinkLane lane : lanes) {
            while (!lane.inFlightFull()) {
                List<UnitState> batch = lane.peekBatch();
                if (batch.isEmpty() || !lane.tryTake(batch, now)) {
                    break;
                }
                lane.remove(batch);
                send(lane, batch, now);
            }
        }
    }

    /** The group calls made, in order. */
    List<GroupUse> groupsUsed() {
        return List.copyOf(groupsUsed);
    }

    /**
     * Opens an attempt that sends nothing (a voice muster on a talkgroup link): it counts as sent at {@code t0} and
     * holds no in-flight slot.
     */
    void openListening(LinkLane lane, List<UnitState> units, long t0, Instant t0At, long now) {
        CallState call = newCall(lane, units, now);
        call.receipted = true;
        call.sentNanos = t0;
        call.sentAt = t0At;
        call.inFlight = false;
        file(call);
    }

    void closeAll() {
        open.clear();
    }

    private void send(LinkLane lane, List<UnitState> batch, long now) {
        String group = lane.groupFor(batch);
        CallState call = newCall(lane, batch, now);
        file(call);
        lane.inFlight++;
        List<String> addresses = group != null ? List.of() : batch.stream().map(u -> u.address).toList();
        if (group != null) {
            lane.groupCalled();
            groupsUsed.add(new GroupUse(lane.link.linkId(), group));
        }
        outbox.add(new SendCall(lane.link.linkId(),
                new CallRequest(call.callRef, addresses, group, request.method(), request.attemptTimeout())));
    }

    private CallState newCall(LinkLane lane, List<UnitState> batch, long now) {
        int attempt = batch.get(0).attemptsDispatched + 1;
        String callRef = musterId + "-" + lane.link.linkId() + "-a" + attempt + "-b"
                + batchNumbers.merge(lane.link.linkId(), 1, Integer::sum);
        CallState call = new CallState(callRef, serials++, lane, attempt, batch, now);
        for (UnitState unit : batch) {
            unit.attemptsDispatched = attempt;
            unit.calls.add(call);
        }
        byRef.put(callRef, call);
        return call;
    }
}
