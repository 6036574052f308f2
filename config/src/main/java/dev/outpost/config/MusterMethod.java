package dev.outpost.config;

import java.util.Locale;

/** How a muster calls units: a data poll, a call that needs a human to confirm, or a voice roll call. */
public enum MusterMethod {
    POLL, CONFIRM, VOICE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
