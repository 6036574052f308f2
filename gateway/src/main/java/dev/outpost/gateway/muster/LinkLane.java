package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.Pacing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The engine's queue for one link, or one channel of a link (a repeater slot): units waiting for their next attempt,
 * the pacing bucket and the in-flight count.
 */
final class LinkLane {
    final MusterLink link;
    /** The channel, or null for the link's own lane. */
    final String channel;
    final Pacing pacing;
    final TokenBucket bucket;
    final Deque<UnitState> queue = new ArrayDeque<>();
    int inFlight;
    /** The group the first attempt calls instead of listing units ({@link GroupCalls}); null when none. */
    String plannedGroup;
    /** How many units the group call covers: every unit queued when it was planned. */
    private int groupSize;
    private boolean groupCalled;

    LinkLane(MusterLink link, String channel, Pacing pacing, long nowNanos) {
        this.link = link;
        this.channel = channel;
        this.pacing = pacing;
        this.bucket = new TokenBucket(pacing.callsPerSecond(), pacing.maxBatch(), nowNanos);
    }

    boolean inFlightFull() {
        int max = pacing.maxInFlight();
        return max > 0 && inFlight >= max;
    }

    /** Drops units at the head that no longer wait (answered or finished while queued). */
    void dropStale() {
        while (!queue.isEmpty() && !queue.peekFirst().waitsForCall()) {
            queue.pollFirst().queued = false;
        }
    }

    /** Calls {@code group} for the first attempt of every unit queued now. */
    void planGroup(String group) {
        plannedGroup = group;
        groupSize = queue.size();
    }

    /**
     * The group to call for {@code batch}, or null to list its units: only the planned group's one call, covering
     * every unit it was planned for.
     */
    String groupFor(List<UnitState> batch) {
        return plannedGroup != null && !groupCalled && batch.size() == groupSize
                && batch.get(0).attemptsDispatched == 0 ? plannedGroup : null;
    }

    /** The planned group call went out (or was given up); later calls list their units. */
    void groupCalled() {
        groupCalled = true;
    }

    /** When pacing allows {@code batch}; a group call needs a full bucket (one batch), however many it reaches. */
    long readyAt(List<UnitState> batch, long nowNanos) {
        return bucket.readyAt(groupFor(batch) != null ? pacing.maxBatch() : batch.size(), nowNanos);
    }

    /**
     * Takes pacing for {@code batch}. A group call costs a token per unit it reaches, so the lane's later calls wait
     * until the rate would have allowed them anyway: the group changes the addressing, not the rate.
     */
    boolean tryTake(List<UnitState> batch, long nowNanos) {
        return groupFor(batch) != null ? bucket.tryOverdraw(pacing.maxBatch(), batch.size(), nowNanos)
                : bucket.tryTake(batch.size(), nowNanos);
    }

    /**
     * The next batch: consecutive waiting units from the head that share the head's attempt number, at
     * most {@code maxBatch} (all of them for a planned group call). Not removed from the queue (pacing may not
     * allow it yet).
     */
    List<UnitState> peekBatch() {
        dropStale();
        List<UnitState> batch = new ArrayList<>();
        if (queue.isEmpty()) {
            return batch;
        }
        if (plannedGroup != null && !groupCalled) {
            List<UnitState> first = queue.stream().filter(u -> u.waitsForCall() && u.attemptsDispatched == 0).toList();
            if (first.size() == groupSize) {
                return new ArrayList<>(first);
            }
            groupCalled = true; // a unit left the queue before the call went: the group would reach it anyway
        }
        int attempt = queue.peekFirst().attemptsDispatched;
        for (UnitState unit : queue) {
            if (batch.size() == pacing.maxBatch()) {
                break;
            }
            if (!unit.waitsForCall()) {
                continue;
            }
            if (unit.attemptsDispatched != attempt) {
                break;
            }
            batch.add(unit);
        }
        return batch;
    }

    /**
     * Takes {@code batch} (from {@link #peekBatch()}) out of the queue. Its units sit at the head (a batch is built
     * from there), so the walk stops after the last of them instead of testing every queued unit against the batch.
     */
    void remove(List<UnitState> batch) {
        Set<UnitState> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        taken.addAll(batch);
        Iterator<UnitState> it = queue.iterator();
        int left = taken.size();
        while (left > 0 && it.hasNext()) {
            UnitState unit = it.next();
            if (taken.contains(unit)) {
                it.remove();
                unit.queued = false;
                left--;
            }
        }
    }
}
