package dev.outpost.gateway.event;

import java.util.Objects;

/**
 * Which part of a link's network carried an event: a base station (for DMR, the HBP peer id of the repeater), a
 * timeslot and the signal strength the station reported. Links without such structure (PoC) leave it out.
 *
 * @param station the base station's id on its link, e.g. {@code 312000}
 * @param slot    the timeslot (1 or 2 on DMR), or null
 * @param rssiDbm received signal strength in dBm (negative), or null when the station did not report one
 */
public record Via(String station, Integer slot, Integer rssiDbm) {
    public Via {
        Objects.requireNonNull(station, "station");
    }
}
