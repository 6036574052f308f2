package dev.outpost.gateway.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One acknowledgement as journaled: a row of the {@code acks} table. Nullable: eventId, status, staff,
 * linkId, bearer, sentAt (unknown for an unsolicited ack) and latencyNanos.
 */
public record AckRow(String musterId, String unitId, String eventId, String outcome, String status, Integer staff,
                     int attempt, String linkId, String bearer, Instant sentAt, Instant receivedAt,
                     Long latencyNanos, boolean latencyEstimated, Instant recordedAt) {

    public AckRow {
        Objects.requireNonNull(musterId, "musterId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
