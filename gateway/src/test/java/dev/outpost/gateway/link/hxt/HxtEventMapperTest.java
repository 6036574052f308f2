package dev.outpost.gateway.link.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtSessionOutput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HxtEventMapperTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private final HxtEventMapper mapper = new HxtEventMapper("poc-1", () -> new UnitRegistry(List.of(
            new Unit("B-07", "Bravo", UnitClass.B, "", null, null, null, null, null, "u7", Lifecycle.ACTIVE, 3))));

    private UnitEvent map(HxtEvent event) {
        return mapper.map(event, 3, 42L, AT).orElseThrow();
    }

    @Test
    void eachEventBecomesItsUnitEventPayload() {
        assertEquals(new EventPayload.Presence(true), map(new HxtEvent.UserOnline("u7")).payload());
        assertEquals(new EventPayload.Presence(false), map(new HxtEvent.UserOffline("u7")).payload());
        assertEquals(new EventPayload.PttStart("3-17", "dispatch"),
                map(new HxtEvent.StreamStart("dispatch", "u7", 17)).payload());
        assertEquals(new EventPayload.Ack("m1", "present", null),
                map(new HxtEvent.RollCallAck("m1", "u7", "present", null, HxtExpect.CONFIRM)).payload());
        assertEquals(new EventPayload.Location(1.5, 2.5, 9.0), map(new HxtEvent.Location("u7", 1.5, 2.5, 9.0)).payload());
        assertEquals(new EventPayload.Sos(null, null), map(new HxtEvent.Sos("u7", null, null)).payload());
        assertEquals(new EventPayload.Text("hi", null), map(new HxtEvent.Text("u7", null, "hi")).payload());
    }

    @Test
    void eventsCarryTheStampAddressAndResolvedUnit() {
        UnitEvent known = map(new HxtEvent.UserOnline("u7"));
        assertEquals(Optional.of("B-07"), known.unitId());
        assertEquals(Bearer.POC, known.bearer());
        assertEquals("u7", known.address());
        assertEquals("poc-1", known.linkId());
        assertEquals(42L, known.receivedNanos());
        assertEquals(AT, known.receivedAt());
        UnitEvent unknown = map(new HxtEvent.UserOnline("u8"));
        assertEquals(Optional.empty(), unknown.unitId());
        assertNotEquals(known.eventId(), unknown.eventId());
    }

    @Test
    void streamEndNamesTheTalkerOfItsStart() {
        HxtEvent.StreamStart start = new HxtEvent.StreamStart("dispatch", "u7", 17);
        UnitEvent end = mapper.streamEnded(new HxtSessionOutput.StreamEnded(start, new HxtEvent.StreamStop(17)), 3, 50L,
                AT);
        assertEquals("u7", end.address());
        assertEquals(new EventPayload.PttEnd("3-17", "dispatch"), end.payload());
    }

    @Test
    void serverPingIsNotAUnitEvent() {
        assertTrue(mapper.map(new HxtEvent.ServerPing(1), 1, 0, AT).isEmpty());
    }
}
