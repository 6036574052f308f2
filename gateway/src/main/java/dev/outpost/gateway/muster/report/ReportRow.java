package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outpost.gateway.muster.MusterOutcome;
import java.time.Instant;

/**
 * One unit's line in a muster report. Nullable fields are null when they do not apply (no answer,
 * never sent, excluded).
 *
 * @param latencyMs       ack receive instant minus first-attempt send instant, with sub-ms precision
 * @param attempts        calls dispatched to the unit (including ones that failed to send)
 * @param attemptAnswered the attempt the ack answered (1 = first)
 * @param answeredAfterMs time from the muster start to the ack, for "time to X % accounted"
 * @param detail          why a unit ended as it did, when that is not obvious (e.g. "refused by the network")
 */
public record ReportRow(
        String unitId,
        String name,
        String street,
        @JsonProperty("class") String unitClass,
        MusterOutcome outcome,
        Double latencyMs,
        int attempts,
        Integer attemptAnswered,
        String bearer,
        String link,
        String status,
        Integer staff,
        Instant firstSentAt,
        Instant ackAt,
        Double answeredAfterMs,
        String detail) {
}
