package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.muster.report.GroupUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A muster's calls: makes them as pacing allows, finds them by reference, and tracks which attempts are open. */
final class CallBook {
    private final String musterId;
    private final MusterRequest request;
    private final Map<String, CallState> byRef = new HashMap<>();
    private final List<CallState> open = new ArrayList<>();
    private final List<SendCall> outbox = new ArrayList<>();
    /** Batch numbers count per link (not per channel), so references stay unique across a link's channels. */
    private final Map<String, Integer> batchNumbers = new HashMap<>();
    private final List<GroupUse> groupsUsed = new ArrayList<>();

    CallBook(String musterId, MusterRequest request) {
        this.musterId = musterId;
        this.request = request;
    }

    CallState get(String callRef) {
        return callRef == null ? null : byRef.get(callRef);
    }

    List<CallState> open() {
        return open;
    }

    /** Removes and returns the open calls whose attempt has ended by {@code now}. */
    List<CallState> takeExpired(MusterTiming timing, long now) {
        List<CallState> due = open.stream().filter(c -> timing.expiry(c) <= now).toList();
        open.removeAll(due);
        return due;
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
    }

    void closeAll() {
        open.clear();
    }

    private void send(LinkLane lane, List<UnitState> batch, long now) {
        String group = lane.groupFor(batch);
        CallState call = newCall(lane, batch, now);
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
        CallState call = new CallState(callRef, lane, attempt, batch, now);
        for (UnitState unit : batch) {
            unit.attemptsDispatched = attempt;
            unit.calls.add(call);
        }
        byRef.put(callRef, call);
        open.add(call);
        return call;
    }
}
