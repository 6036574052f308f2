package dev.outpost.gateway.muster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The engine's per-link queue: units waiting for their next attempt, the pacing bucket and the in-flight count. */
final class LinkLane {
    final MusterLink link;
    final TokenBucket bucket;
    final Deque<UnitState> queue = new ArrayDeque<>();
    int inFlight;
    private int batchSequence;

    LinkLane(MusterLink link, long nowNanos) {
        this.link = link;
        this.bucket = new TokenBucket(link.pacing().callsPerSecond(), link.pacing().maxBatch(), nowNanos);
    }

    boolean inFlightFull() {
        int max = link.pacing().maxInFlight();
        return max > 0 && inFlight >= max;
    }

    /** Drops units at the head that no longer wait (answered or finished while queued). */
    void dropStale() {
        while (!queue.isEmpty() && !queue.peekFirst().waitsForCall()) {
            queue.pollFirst().queued = false;
        }
    }

    /**
     * The next batch: consecutive waiting units from the head that share the head's attempt number, at
     * most {@code maxBatch}. Not removed from the queue (pacing may not allow it yet).
     */
    List<UnitState> peekBatch() {
        dropStale();
        List<UnitState> batch = new ArrayList<>();
        if (queue.isEmpty()) {
            return batch;
        }
        int attempt = queue.peekFirst().attemptsDispatched;
        for (UnitState unit : queue) {
            if (batch.size() == link.pacing().maxBatch()) {
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

    void remove(List<UnitState> batch) {
        queue.removeAll(batch);
        batch.forEach(u -> u.queued = false);
    }

    int nextBatchNumber() {
        return ++batchSequence;
    }
}
