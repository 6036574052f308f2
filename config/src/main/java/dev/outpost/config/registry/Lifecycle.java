package dev.outpost.config.registry;

/** Where a unit stands in its lifecycle. Only {@link #ACTIVE} units are expected to answer a muster. */
public enum Lifecycle {
    ACTIVE, ON_LEAVE, DEACTIVATED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
