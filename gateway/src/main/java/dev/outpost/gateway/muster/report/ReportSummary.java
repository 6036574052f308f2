package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The muster as a whole.
 *
 * @param timeTo50PctMs time from start until half of the called units had answered (acked or late); null if never
 * @param duplicateAcks acks from units that had already answered (counted, otherwise ignored)
 * @param ignoredAcks   acks that matched no open attempt (too late, unit unreachable or not yet called)
 * @param unanswered    unit ids to follow up: no_answer, unreachable or cancelled (excluded and late units are not listed)
 */
public record ReportSummary(
        @JsonUnwrapped OutcomeTally totals,
        @JsonProperty("time_to_50pct_ms") Double timeTo50PctMs,
        @JsonProperty("time_to_90pct_ms") Double timeTo90PctMs,
        @JsonProperty("time_to_100pct_ms") Double timeTo100PctMs,
        int duplicateAcks,
        int ignoredAcks,
        List<String> unanswered) {

    public ReportSummary {
        unanswered = List.copyOf(unanswered);
    }
}
