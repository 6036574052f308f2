package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.Pacing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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

    void remove(List<UnitState> batch) {
        queue.removeAll(batch);
        batch.forEach(u -> u.queued = false);
    }
}
