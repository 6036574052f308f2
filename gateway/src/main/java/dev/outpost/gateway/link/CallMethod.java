package dev.outpost.gateway.link;

/** How a unit is called. See docs/MUSTER.md. */
public enum CallMethod {
    /** A data check the terminal answers by itself: measures reachability. */
    POLL,
    /** A call a person must answer: measures human response. */
    CONFIRM,
    /** The dispatcher speaks; units answer by keying up. */
    VOICE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
