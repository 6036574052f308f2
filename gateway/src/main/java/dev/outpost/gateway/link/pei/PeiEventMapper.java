package dev.outpost.gateway.link.pei;

import dev.outpost.config.StatusMeanings;
import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventIds;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.protocol.pei.DeliveryStatus;
import dev.outpost.protocol.pei.PeiSessionOutput;
import dev.outpost.protocol.pei.TetraIdentity;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Turns what a PEI session reports into unit events, addressed by ISSI (the registry's {@code issi}):
 * <ul>
 * <li>a status answers the unit's open confirm when it is one of the fleet's ack statuses (any status when none are
 * configured), else its open poll: an {@code ack} carrying that call's reference, its meaning as the status; a
 * status that answers nothing is a {@code status} event (its meaning from config, else the four hex digits);</li>
 * <li>an SDS-REPORT or SDS-SHORT-REPORT saying the text was delivered answers the text poll with that ISSI and
 * message reference: an {@code ack}; failures and reports of nothing we sent give no event;</li>
 * <li>{@code +CTXG} naming a talker is {@code ptt_start}, the next {@code +CDTXC} of that call {@code ptt_end}.</li>
 * </ul>
 * Events carry the receive stamp of the bytes that completed the frame. Not thread-safe: the link's owner thread.
 */
final class PeiEventMapper {
    private final String linkId;
    private final Supplier<UnitRegistry> registry;
    private final StatusMeanings statuses;
    private final PeiCallBook calls;
    private final Map<Integer, Long> talkers = new HashMap<>();

    PeiEventMapper(String linkId, Supplier<UnitRegistry> registry, StatusMeanings statuses, PeiCallBook calls) {
        this.linkId = linkId;
        this.registry = registry;
        this.statuses = statuses;
        this.calls = calls;
    }

    /** The event {@code output} gives, if any, stamped {@code receivedNanos} / {@code receivedAt}. */
    Optional<UnitEvent> map(PeiSessionOutput output, long receivedNanos, Instant receivedAt) {
        Optional<Event> event = Optional.empty();
        if (output instanceof PeiSessionOutput.StatusReceived s) {
            event = issi(s.from()).map(issi -> status(issi, s.status()));
        } else if (output instanceof PeiSessionOutput.SdsReportReceived r && DeliveryStatus.delivered(
                r.report().deliveryStatus())) {
            event = issi(r.from()).flatMap(issi -> report(issi, r.report().messageReference()));
        } else if (output instanceof PeiSessionOutput.ShortReportReceived r && r.report().reportType() >= 2) {
            event = issi(r.from()).flatMap(issi -> report(issi, r.report().messageReference()));
        } else if (output instanceof PeiSessionOutput.TalkerGranted g && g.grant().talker() != null) {
            int cc = g.grant().ccInstance();
            event = issi(g.grant().talker()).map(issi -> {
                talkers.put(cc, issi);
                return new Event(issi, new EventPayload.PttStart("cc" + cc, null));
            });
        } else if (output instanceof PeiSessionOutput.TalkerCeased c) {
            int cc = c.ceased().ccInstance();
            event = Optional.ofNullable(talkers.remove(cc)).map(issi -> new Event(issi,
                    new EventPayload.PttEnd("cc" + cc, null)));
        }
        return event.map(e -> unitEvent(e, receivedNanos, receivedAt));
    }

    private record Event(long issi, EventPayload payload) {
    }

    private Event status(long issi, int value) {
        String meaning = statuses.meaning(value).orElse(HexFormat.of().withUpperCase().toHexDigits((short) value));
        boolean answersConfirm = statuses.ackStatuses().isEmpty() || statuses.isAck(value);
        Optional<String> call = answersConfirm ? calls.takeStatusCall(CallMethod.CONFIRM, issi) : Optional.empty();
        if (call.isEmpty()) {
            call = calls.takeStatusCall(CallMethod.POLL, issi);
        }
        return new Event(issi, call.<EventPayload>map(ref -> new EventPayload.Ack(ref, meaning, null))
                .orElse(new EventPayload.Status(meaning)));
    }

    private Optional<Event> report(long issi, int messageReference) {
        return calls.reportCall(issi, messageReference).map(ref -> new Event(issi,
                new EventPayload.Ack(ref, null, null)));
    }

    private static Optional<Long> issi(TetraIdentity identity) {
        OptionalLong ssi = identity == null ? OptionalLong.empty() : identity.ssi();
        return ssi.isPresent() ? Optional.of(ssi.getAsLong()) : Optional.empty();
    }

    private UnitEvent unitEvent(Event e, long receivedNanos, Instant receivedAt) {
        String address = Long.toString(e.issi());
        Optional<String> unitId = registry.get().byAddress(Bearer.TETRA, address).map(Unit::unitId);
        return new UnitEvent(EventIds.random(), unitId, Bearer.TETRA, address, linkId, receivedNanos, receivedAt,
                e.payload());
    }
}
