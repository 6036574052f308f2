package dev.outpost.gateway.units;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which units are on the network now, as far as the gateway can tell: a unit is online after a presence event
 * saying so or any other traffic from it, offline after a presence event saying so, and unknown again when the link
 * it was last heard on stops being up (the gateway can no longer see it). Safe from any thread.
 */
public final class UnitPresence {
    private final Map<String, String> onlineVia = new ConcurrentHashMap<>();

    public void onEvent(UnitEvent event) {
        if (event.unitId().isEmpty()) {
            return;
        }
        String unitId = event.unitId().get();
        if (event.payload() instanceof EventPayload.Presence presence && !presence.online()) {
            onlineVia.remove(unitId);
        } else {
            onlineVia.put(unitId, event.linkId());
        }
    }

    public void onLinkStatus(LinkStatus status) {
        if (status.state() != LinkState.UP) {
            onlineVia.values().removeIf(status.linkId()::equals);
        }
    }

    public boolean online(String unitId) {
        return onlineVia.containsKey(unitId);
    }
}
