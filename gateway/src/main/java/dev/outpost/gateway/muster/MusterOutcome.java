package dev.outpost.gateway.muster;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a unit ended a muster. See docs/MUSTER.md for when each applies. */
public enum MusterOutcome {
    ACKED, LATE, NO_ANSWER, UNREACHABLE, ON_LEAVE, DEACTIVATED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Excluded before calling: not expected to answer, never a failure. */
    public boolean isExclusion() {
        return this == ON_LEAVE || this == DEACTIVATED;
    }

    /** The unit answered, in time or late. */
    public boolean isAnswer() {
        return this == ACKED || this == LATE;
    }
}
