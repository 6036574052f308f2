package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One group of a breakdown (a street, a class, a link or a bearer); {@code key} is "none" for units without one. */
public record GroupStats(String key, @JsonUnwrapped OutcomeTally totals) {
}
