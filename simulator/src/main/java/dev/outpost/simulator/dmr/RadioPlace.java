package dev.outpost.simulator.dmr;

/** Where a radio lives: behind the repeater (or simulated master) {@code peerId}, on timeslot {@code slot}. */
public record RadioPlace(long peerId, int slot) {
}
