package dev.outpost.gateway.link.hbp;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventIds;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.event.Via;
import dev.outpost.protocol.hbp.Dmrd;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds {@link UnitEvent}s from DMR traffic. The address is the radio id in decimal (the registry's {@code dmr_id});
 * radios not in the registry still give events, with an empty unit id, so that nothing is lost (a voice muster
 * watches the dispatcher's radio, which is usually no unit). Every event carries {@link Via}: the base station's
 * peer id, the slot and the RSSI of the frame it came from.
 *
 * <p>Stream ids are {@code <peer id>-<stream id>}; channels are {@code tg:<talkgroup>} for group calls and
 * {@code private:<radio id>} for unit-to-unit calls.
 */
final class DmrEventMapper {
    private final String linkId;
    private final Supplier<UnitRegistry> registry;

    DmrEventMapper(String linkId, Supplier<UnitRegistry> registry) {
        this.linkId = linkId;
        this.registry = registry;
    }

    UnitEvent pttStart(Dmrd frame, Stamp at) {
        return event(frame.source(), frame, at, new EventPayload.PttStart(streamId(frame), channel(frame)));
    }

    UnitEvent pttEnd(Dmrd frame, Stamp at) {
        return event(frame.source(), frame, at, new EventPayload.PttEnd(streamId(frame), channel(frame)));
    }

    /** An ack from {@code radio}, carried by {@code frame}, answering the call {@code callRef} (null if unknown). */
    UnitEvent ack(int radio, Dmrd frame, Stamp at, String callRef) {
        return event(radio, frame, at, new EventPayload.Ack(callRef, null, null));
    }

    static Via via(Dmrd frame) {
        Integer rssi = frame.signal() == null || frame.signal().rssi() == 0 ? null : -frame.signal().rssi();
        return new Via(Long.toString(frame.peerId()), frame.slot(), rssi);
    }

    static String channel(Dmrd frame) {
        return (frame.callType() == Dmrd.CallType.GROUP ? "tg:" : "private:") + frame.destination();
    }

    private UnitEvent event(int radio, Dmrd frame, Stamp at, EventPayload payload) {
        String address = Integer.toString(radio);
        Optional<String> unitId = registry.get().byAddress(Bearer.DMR, address).map(Unit::unitId);
        return new UnitEvent(EventIds.random(), unitId, Bearer.DMR, address, linkId, at.nanos(), at.wall(), payload,
                Optional.of(via(frame)));
    }

    private static String streamId(Dmrd frame) {
        return frame.peerId() + "-" + frame.streamId();
    }
}
