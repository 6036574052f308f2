package dev.outpost.config.registry;

/** A network over which a unit can be reached. Each has its own address column in the registry. */
public enum Bearer {
    /** Push-to-talk over cellular ("He Xun Tong"-style); address = PoC user name. */
    POC,
    /** DMR radio over a Homebrew/MMDVM base station; address = 24-bit DMR radio id. */
    DMR,
    /** TETRA radio over a PEI serial controller; address = ISSI. */
    TETRA,
    /** Analog Kenwood FleetSync; address = fleet-id pair. */
    FLEETSYNC;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
