package dev.outpost.gateway.units;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which units are on the network now, as far as the gateway can tell: a unit is online after a presence event
 * saying so or any other traffic from it, offline after a presence event saying so, and unknown again when the link
 * it was last heard on stops being up (the gateway can no longer see it). Safe from any thread.
 */
public final class UnitPresence {
    private final Map<String, String> onlineVia = new ConcurrentHashMap<>();

    /**
     * Applies an event; returns true when it changed whether the unit is online, or the link it is online over
     * (so the retained presence state is republished on changes only, not on every ack).
     */
    public boolean onEvent(UnitEvent event) {
        if (event.unitId().isEmpty()) {
            return false;
        }
        String unitId = event.unitId().get();
        if (event.payload() instanceof EventPayload.Presence presence && !presence.online()) {
            return onlineVia.remove(unitId) != null;
        }
        return !event.linkId().equals(onlineVia.put(unitId, event.linkId()));
    }

    /** A link that is not up: its units are no longer known to be online; returns those units. */
    public List<String> onLinkStatus(LinkStatus status) {
        if (status.state() == LinkState.UP) {
            return List.of();
        }
        List<String> lost = new ArrayList<>();
        onlineVia.forEach((unit, link) -> {
            if (link.equals(status.linkId()) && onlineVia.remove(unit, link)) {
                lost.add(unit);
            }
        });
        return lost;
    }

    public boolean online(String unitId) {
        return onlineVia.containsKey(unitId);
    }

    /** The link a unit is online over, if it is. */
    public Optional<String> link(String unitId) {
        return Optional.ofNullable(onlineVia.get(unitId));
    }
}
