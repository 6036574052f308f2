package dev.outpost.gateway.link;

public enum LinkState {
    CONNECTING, UP, DOWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
