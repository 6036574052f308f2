package dev.outpost.simulator.behaviour;

/** How a terminal confirms a roll call: automatically (a poll) or by a person pressing a key. */
public enum ResponseMode {
    AUTO, CONFIRM;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
