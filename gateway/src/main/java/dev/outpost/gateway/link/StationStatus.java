package dev.outpost.gateway.link;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one base station behind a link (a DMR repeater logged in to the HBP master), published inside its
 * link's {@link LinkStatus}.
 *
 * @param stationId the station's id on the link (for HBP, the peer id)
 * @param address   where it is reached from the gateway (host:port), or null
 * @param detail    a human-readable reason for the last change
 * @param info      what the station says about itself, snake_case keys (for HBP the RPTC fields: callsign,
 *                  rx_hz, tx_hz, colour_code, slots, ...); never credentials
 */
public record StationStatus(String stationId, LinkState state, Instant since, String address, String detail,
        Map<String, String> info) {
    public StationStatus {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        info = Map.copyOf(info);
    }
}
