package dev.outpost.gateway.event;

import dev.outpost.config.registry.Bearer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a unit did, as seen by one link, stamped at receipt.
 *
 * @param eventId       unique id (UUID text) so that MQTT consumers can drop at-least-once duplicates
 * @param unitId        the registry unit, or empty when the address is not in the registry
 * @param bearer        the network it came over
 * @param address       the unit's address on that bearer (PoC user, radio id, ISSI, ...)
 * @param linkId        the configured link that received it
 * @param receivedNanos monotonic receive instant from the gateway clock (for latency)
 * @param receivedAt    wall-clock receive instant (for the record)
 * @param payload       what happened
 * @param via           the base station, slot and signal that carried it, on bearers that have them (DMR)
 */
public record UnitEvent(
        String eventId,
        Optional<String> unitId,
        Bearer bearer,
        String address,
        String linkId,
        long receivedNanos,
        Instant receivedAt,
        EventPayload payload,
        Optional<Via> via) {

    public UnitEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(bearer, "bearer");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(via, "via");
    }

    /** An event without {@link Via} (links whose network has no base stations or slots). */
    public UnitEvent(String eventId, Optional<String> unitId, Bearer bearer, String address, String linkId,
            long receivedNanos, Instant receivedAt, EventPayload payload) {
        this(eventId, unitId, bearer, address, linkId, receivedNanos, receivedAt, payload, Optional.empty());
    }

    /** The same event with another receive instant (a muster records it as an offset from its start). */
    public UnitEvent withReceivedNanos(long nanos) {
        return new UnitEvent(eventId, unitId, bearer, address, linkId, nanos, receivedAt, payload, via);
    }

    /** The wire name of the event type: {@code ack}, {@code ptt_start}, ... */
    public String type() {
        return payload.type();
    }
}
