package dev.outpost.gateway.mqtt.client;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spots a burst of short-lived connections. On MQTT 3.1.1 a broker that hands our client id to another client just
 * closes our socket, so a session takeover looks like an ordinary loss; many quick losses in a row are the tell.
 * Pure: the caller passes monotonic time.
 */
public final class RapidLossDetector {
    private final long shortLivedNanos;
    private final long windowNanos;
    private final int threshold;
    private final Deque<Long> recentShortLosses = new ArrayDeque<>();

    public RapidLossDetector(long shortLivedNanos, long windowNanos, int threshold) {
        this.shortLivedNanos = shortLivedNanos;
        this.windowNanos = windowNanos;
        this.threshold = threshold;
    }

    /**
     * Records one loss. Returns true when this loss completes a burst (then the count starts afresh, so a steady
     * takeover fight reports once per burst, not once per loss).
     */
    public boolean onLoss(long connectedAtNanos, long nowNanos) {
        if (nowNanos - connectedAtNanos >= shortLivedNanos) {
            recentShortLosses.clear();
            return false;
        }
        recentShortLosses.addLast(nowNanos);
        while (!recentShortLosses.isEmpty() && nowNanos - recentShortLosses.peekFirst() > windowNanos) {
            recentShortLosses.removeFirst();
        }
        if (recentShortLosses.size() >= threshold) {
            recentShortLosses.clear();
            return true;
        }
        return false;
    }
}
