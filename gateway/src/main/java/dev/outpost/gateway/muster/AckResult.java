package dev.outpost.gateway.muster;

/** What became of an ack handed to {@link MusterEngine#onAck}. */
public enum AckResult {
    /** Recorded as the unit's answer ({@code acked} or {@code late}). */
    MATCHED,
    /** The unit had already answered; counted and otherwise ignored. */
    DUPLICATE,
    /** Ours, but it changes nothing: too late, or the unit is unreachable, cancelled or not yet called. */
    IGNORED,
    /** Not for this muster. */
    NOT_MINE
}
