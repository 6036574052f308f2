package dev.outpost.gateway.readiness;

/**
 * How ready a unit (or a street, or a class) has been over the window: docs/MUSTER.md "Readiness" has the formula.
 *
 * @param called       musters and drills in the window that tried to reach it (acked + late + no answer +
 *                     unreachable; exclusions such as leave, and cancelled ones, do not count)
 * @param acked        answered in time
 * @param late         answered after the unit's deadline
 * @param misses       no answer, or unreachable
 * @param responseRate acked / called (0 when never called)
 * @param medianLatencyMs median over the acked and late answers; null when there are none
 */
public record Readiness(int called, int acked, int late, int misses, double responseRate, Double medianLatencyMs) {
}
