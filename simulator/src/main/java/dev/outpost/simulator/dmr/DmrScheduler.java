package dev.outpost.simulator.dmr;

/**
 * Time and timers for the DMR world. Everything in it runs on one thread: the UDP loop in production, a virtual
 * clock in tests ({@code now()} then jumps from task to task), so the channel model is deterministic under test.
 */
public interface DmrScheduler {
    /** Monotonic nanoseconds ({@code System.nanoTime()} in production). */
    long now();

    /** Runs {@code task} at {@code atNanos} (at once if that has passed), after tasks due earlier or at the same time. */
    void at(long atNanos, Runnable task);
}
