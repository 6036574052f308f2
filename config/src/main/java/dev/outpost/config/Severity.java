package dev.outpost.config;

import java.util.Locale;

/** How bad a {@link Problem} is: an error makes the config or registry unusable, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
