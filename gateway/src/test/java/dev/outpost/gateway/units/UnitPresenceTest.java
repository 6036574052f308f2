package dev.outpost.gateway.units;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitPresenceTest {
    private final UnitPresence presence = new UnitPresence();

    private static UnitEvent event(String unitId, String linkId, EventPayload payload) {
        return new UnitEvent("e", Optional.of(unitId), Bearer.POC, unitId, linkId, 0, Instant.EPOCH, payload);
    }

    private static LinkStatus status(String linkId, LinkState state) {
        return new LinkStatus(linkId, "hxt", state, Instant.EPOCH, "peer", null, 0, 0, 0, 0);
    }

    @Test
    void presenceAndTrafficMakeAUnitOnlineAndOfflineEndsIt() {
        presence.onEvent(event("U-1", "poc", new EventPayload.Presence(true)));
        presence.onEvent(event("U-2", "poc", new EventPayload.Status("ok")));
        assertTrue(presence.online("U-1"));
        assertTrue(presence.online("U-2"), "a unit that talks is on the network");
        presence.onEvent(event("U-1", "poc", new EventPayload.Presence(false)));
        assertFalse(presence.online("U-1"));
    }

    @Test
    void unitsOfALinkThatGoesDownAreNoLongerKnownOnline() {
        presence.onEvent(event("U-1", "poc", new EventPayload.Presence(true)));
        presence.onEvent(event("U-2", "dmr", new EventPayload.Presence(true)));
        presence.onLinkStatus(status("poc", LinkState.UP));
        assertTrue(presence.online("U-1"));
        presence.onLinkStatus(status("poc", LinkState.DOWN));
        assertFalse(presence.online("U-1"));
        assertTrue(presence.online("U-2"));
    }
}
