package dev.outpost.simulator.dmr;

/** Virtual time for the DMR world: tasks run in due order and {@code now()} jumps to each one's due time. */
final class VirtualScheduler implements DmrScheduler {
    private final TaskQueue tasks = new TaskQueue();
    private long now;

    VirtualScheduler(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void at(long atNanos, Runnable task) {
        tasks.add(Math.max(atNanos, now), task);
    }

    /** Runs everything due up to {@code until} (bounded, in case a model loops), then sets the clock there. */
    void runUntil(long until) {
        for (int guard = 0; guard < 1_000_000 && !tasks.isEmpty() && tasks.nextDue() - until <= 0; guard++) {
            now = tasks.nextDue();
            tasks.poll().run();
        }
        now = Math.max(now, until);
    }

    void advance(long nanos) {
        runUntil(now + nanos);
    }
}
