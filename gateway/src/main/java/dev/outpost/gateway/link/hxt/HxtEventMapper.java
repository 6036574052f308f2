package dev.outpost.gateway.link.hxt;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventIds;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtSessionOutput;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns hxt events into {@link UnitEvent}s stamped with the receive instant. Users not in the
 * registry still produce events (with an empty unit id) so that nothing a unit sent is lost.
 *
 * <p>Stream ids are scoped to a connection, so the published id is {@code <connection>-<stream_id>}:
 * a server that reuses an id after a reconnect cannot be confused with the earlier stream.
 */
final class HxtEventMapper {
    private final String linkId;
    private final Supplier<UnitRegistry> registry;

    HxtEventMapper(String linkId, Supplier<UnitRegistry> registry) {
        this.linkId = linkId;
        this.registry = registry;
    }

    Optional<UnitEvent> map(HxtEvent event, long connection, long receivedNanos, Instant receivedAt) {
        if (event instanceof HxtEvent.UserOnline e) {
            return unitEvent(e.user(), new EventPayload.Presence(true), receivedNanos, receivedAt);
        } else if (event instanceof HxtEvent.UserOffline e) {
            return unitEvent(e.user(), new EventPayload.Presence(false), receivedNanos, receivedAt);
        } else if (event instanceof HxtEvent.StreamStart e) {
            return unitEvent(e.from(), new EventPayload.PttStart(streamId(connection, e.streamId()), e.channel()),
                    receivedNanos, receivedAt);
        } else if (event instanceof HxtEvent.RollCallAck e) {
            return unitEvent(e.user(), new EventPayload.Ack(e.callId(), e.status(), e.staff()), receivedNanos,
                    receivedAt);
        } else if (event instanceof HxtEvent.Location e) {
            return unitEvent(e.user(), new EventPayload.Location(e.lat(), e.lon(), e.accuracyM()), receivedNanos,
                    receivedAt);
        } else if (event instanceof HxtEvent.Sos e) {
            return unitEvent(e.user(), new EventPayload.Sos(e.lat(), e.lon()), receivedNanos, receivedAt);
        } else if (event instanceof HxtEvent.Text e) {
            return unitEvent(e.user(), new EventPayload.Text(e.text(), e.channel()), receivedNanos, receivedAt);
        }
        return Optional.empty(); // server pings and stream stops are not unit events by themselves
    }

    UnitEvent streamEnded(HxtSessionOutput.StreamEnded ended, long connection, long receivedNanos,
            Instant receivedAt) {
        HxtEvent.StreamStart start = ended.start();
        return unitEvent(start.from(), new EventPayload.PttEnd(streamId(connection, start.streamId()),
                start.channel()), receivedNanos, receivedAt).orElseThrow();
    }

    private Optional<UnitEvent> unitEvent(String user, EventPayload payload, long receivedNanos, Instant receivedAt) {
        Optional<String> unitId = registry.get().byAddress(Bearer.POC, user).map(Unit::unitId);
        return Optional.of(new UnitEvent(EventIds.random(), unitId, Bearer.POC, user, linkId,
                receivedNanos, receivedAt, payload));
    }

    private static String streamId(long connection, long streamId) {
        return connection + "-" + streamId;
    }
}
