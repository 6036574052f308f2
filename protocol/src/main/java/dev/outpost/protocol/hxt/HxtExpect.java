package dev.outpost.protocol.hxt;

import java.util.Locale;
import java.util.Optional;

/** How a roll call is to be confirmed (request {@code expect}) or was confirmed (ack {@code mode}). */
public enum HxtExpect {
    /** The terminal confirms by itself. */
    AUTO,
    /** A person confirms by pressing a key. */
    CONFIRM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HxtExpect> fromWire(String text) {
        return HxtChecks.fromWire(HxtExpect.class, text);
    }
}
