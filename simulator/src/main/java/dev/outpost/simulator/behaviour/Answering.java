package dev.outpost.simulator.behaviour;

/** Whether an online unit answers calls, and when. */
public enum Answering {
    /** Answers every call after a fresh sample of the mode's delay. */
    PROMPT,
    /** Receives calls but never answers (terminal in a drawer, person ignoring it). */
    NEVER,
    /** Answers, but only after the configured late delay on top of the sample. */
    LATE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
