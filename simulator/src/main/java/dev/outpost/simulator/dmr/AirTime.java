package dev.outpost.simulator.dmr;

/**
 * The air-time model of one DMR timeslot. A TDMA frame is 60 ms and carries one 30 ms burst per slot, so on a
 * slot burst k starts at {@code origin + k x 60 ms} (slot 2's origin is 30 ms after slot 1's) and is complete,
 * i.e. received and forwarded, 30 ms later. A transmission of n bursts occupies bursts k..k+n-1 and ends at
 * {@code start(k) + (n-1) x 60 ms + 30 ms}.
 */
public final class AirTime {
    public static final long BURST_PERIOD_NANOS = 60_000_000L;
    public static final long BURST_NANOS = 30_000_000L;

    private AirTime() {
    }

    /** When a transmission of {@code bursts} bursts starting at {@code airStart} is complete. */
    public static long end(long airStart, int bursts) {
        return airStart + (bursts - 1) * BURST_PERIOD_NANOS + BURST_NANOS;
    }

    /**
     * Where in the 60 ms TDMA frame a repeater's frames start, from its peer id (spread evenly, fixed per repeater).
     * Repeaters that are not synchronised to one another (the usual Homebrew network: repeaters and hotspots on
     * their own clocks) run at arbitrary phases; starting every simulated one at the same instant would have a
     * whole network's slots burst at the same moments, which no such network does.
     */
    public static long phaseOf(long peerId) {
        long mixed = (peerId ^ (peerId >>> 17)) * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed >>> 11, BURST_PERIOD_NANOS / 1_000_000L) * 1_000_000L;
    }

    /** On air time of a voice call: header, {@code superframes} x 6 bursts (360 ms each), terminator. */
    public static int voiceBursts(int superframes) {
        return superframes * 6 + 2;
    }
}
