package dev.outpost.gateway.muster.report;

/**
 * Latency of the units that acked in time, by the nearest-rank method: the p-th percentile of n sorted
 * values is the value at rank ceil(p/100 * n). All null when nothing was acked.
 */
public record LatencyStats(int count, Double p50Ms, Double p90Ms, Double p99Ms, Double maxMs) {
}
