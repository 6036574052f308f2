package dev.outpost.simulator.dmr;

import java.util.List;

/** What happens on one slot's air, reported by {@link SlotChannel} at the instant it happens. */
interface SlotListener {
    /** A downlink burst was complete at the radios ({@code airEnd}, now); it started at {@code airStart}. */
    void downlinkOnAir(SlotChannel.Downlink downlink, long burstIndex, long airStart, long airEnd);

    /** Burst {@code index} of a clean uplink transmission was complete (now); the transmission began at airStart. */
    void uplinkBurst(SlotChannel.Uplink uplink, int index, long airStart, long burstEnd);

    /** Transmissions that began in the same burst, all garbled; called when the longest one ends. */
    void uplinkCollided(List<SlotChannel.Uplink> garbled, long airStart, long airEnd);

    /** A radio wanted to key up while the slot was busy (it hears the repeater): it did not transmit. */
    void uplinkBusy(SlotChannel.Uplink uplink, long now);
}
