package dev.outpost.gateway.muster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One acknowledgement matched to a muster (published on {@code muster/<id>/ack}).
 *
 * @param outcome          {@code acked} or {@code late}
 * @param latencyMs        ack receive instant minus the send instant of the unit's first sent attempt
 * @param attempt          the attempt that was answered (1 = the first call)
 * @param latencyEstimated true when the call's receipt never came and the dispatch instant stood in for it
 * @param sentAt           wall-clock send instant of the first sent attempt (null when estimated)
 * @param latencyNanos     the latency exactly, for the journal (the JSON carries {@code latency_ms})
 */
public record MusterAck(
        String musterId,
        String unitId,
        MusterOutcome outcome,
        double latencyMs,
        int attempt,
        String linkId,
        String bearer,
        String status,
        Integer staff,
        String eventId,
        Instant ackAt,
        boolean latencyEstimated,
        Instant sentAt,
        @JsonIgnore long latencyNanos) {
}
