package dev.outpost.config;

/**
 * One configured link to a radio or PoC network. Each link type is its own record; new types
 * (hbp-master, hbp-peer, pei, fleetsync) join the {@code permits} list with a binder of their own.
 */
public sealed interface LinkSettings permits HxtLinkSettings, HbpMasterLinkSettings, HbpPeerLinkSettings,
        PeiLinkSettings, FleetSyncLinkSettings {
    /** Unique among links; appears in MQTT topics. */
    String id();

    /** The config's {@code type} value, e.g. {@code hxt}. */
    String type();
}
