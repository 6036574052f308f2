package dev.outpost.gateway.link;

/**
 * How fast calls may go out on one link or channel.
 *
 * @param callsPerSecond addresses called per second, at most (PoC: the server's rate limit)
 * @param maxBatch       addresses one call may carry (1 for bearers without multi-target calls)
 * @param maxInFlight    calls awaiting an answer at once (0 = no limit)
 */
public record Pacing(double callsPerSecond, int maxBatch, int maxInFlight) {
    public Pacing {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("callsPerSecond must be > 0: " + callsPerSecond);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must be >= 0: " + maxInFlight);
        }
    }
}
