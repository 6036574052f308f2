package dev.outpost.gateway.muster;

import java.time.Instant;
import java.util.Map;

/**
 * Progress of a muster at one instant (published retained on {@code muster/<id>/state}).
 *
 * @param state     {@code running}, {@code finished} or {@code cancelled}
 * @param excluded  units excluded before calling, by reason ({@code on_leave}, {@code deactivated})
 * @param pending   units still waiting for an ack or for their next attempt
 * @param elapsedMs virtual/monotonic time since the start
 */
public record MusterSnapshot(
        String musterId,
        String label,
        String scope,
        String method,
        String state,
        Instant startedAt,
        int targeted,
        Map<String, Integer> excluded,
        int acked,
        int late,
        int pending,
        int noAnswer,
        int unreachable,
        int cancelled,
        int duplicateAcks,
        double elapsedMs) {

    public MusterSnapshot {
        // Kept in insertion order so that JSON output is stable.
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }

    public boolean running() {
        return "running".equals(state);
    }
}
