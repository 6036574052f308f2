package dev.outpost.gateway.time;

/**
 * Asks the operating system to run the calling thread under a real-time policy. Our edge to the scheduler, so the
 * thread factory that uses it is tested without touching the real one.
 */
public interface RealtimePriority {
    /**
     * Puts the calling thread under SCHED_FIFO at {@code priority} (1-99).
     *
     * @return whether the kernel granted it, and if not, what it said
     */
    Outcome raiseCurrentThread(int priority);

    /** @param detail the refusal's reason (empty when granted), in the words of whatever refused */
    record Outcome(boolean granted, String detail) {
        public static final Outcome GRANTED = new Outcome(true, "");

        public static Outcome refusedBecause(String detail) {
            return new Outcome(false, detail);
        }
    }
}
