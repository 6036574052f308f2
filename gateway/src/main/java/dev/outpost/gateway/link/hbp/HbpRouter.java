package dev.outpost.gateway.link.hbp;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.protocol.hbp.PeerConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * Which connected repeater slot reaches a radio, in this order: the first configured {@link HbpRouteRule} that
 * reaches the radio's unit on a connected station whose RPTC declares that slot; else the slot the radio was last
 * heard on, if its station is still connected; else, only when no rules are configured at all, the first slot of
 * the connected station with the lowest peer id (a single-hotspot setup needs no rules). Updated on the link's event
 * loop, read from any thread (the muster engine plans per slot with it).
 */
final class HbpRouter {
    /** A slot to send on, with the colour code its station declared. */
    record Route(DmrSlot slot, int colourCode) {
    }

    private static final int MAX_HEARD = 200_000;

    private final List<HbpRouteRule> rules;
    private final Supplier<UnitRegistry> registry;
    private final Map<Long, PeerConfig> connected = new ConcurrentSkipListMap<>();
    private final Map<Integer, DmrSlot> lastHeard = new ConcurrentHashMap<>();

    HbpRouter(List<HbpRouteRule> rules, Supplier<UnitRegistry> registry) {
        this.rules = List.copyOf(rules);
        this.registry = registry;
    }

    void connected(long peerId, PeerConfig config) {
        connected.put(peerId, config);
    }

    void disconnected(long peerId) {
        connected.remove(peerId);
    }

    void heard(int radio, DmrSlot slot) {
        if (lastHeard.size() >= MAX_HEARD && !lastHeard.containsKey(radio)) {
            lastHeard.clear(); // a bounded hint, not a record: start over rather than grow without end
        }
        lastHeard.put(radio, slot);
    }

    Optional<Route> route(int radio) {
        Optional<Unit> unit = registry.get().byAddress(Bearer.DMR, Integer.toString(radio));
        if (unit.isPresent()) {
            for (HbpRouteRule rule : rules) {
                if (!rule.reaches(unit.get())) {
                    continue; // most rules do not: test that before building the route
                }
                Optional<Route> usable = usable(rule.slot());
                if (usable.isPresent()) {
                    return usable;
                }
            }
        }
        DmrSlot heard = lastHeard.get(radio);
        Optional<Route> route = heard == null ? Optional.empty() : usable(heard);
        if (route.isPresent() || !rules.isEmpty()) {
            return route;
        }
        return connected.entrySet().stream().findFirst().map(e -> new Route(
                new DmrSlot(e.getKey(), e.getValue().usesSlot(1) ? 1 : 2), e.getValue().colourCode()));
    }

    private Optional<Route> usable(DmrSlot slot) {
        PeerConfig config = connected.get(slot.peerId());
        return config != null && config.usesSlot(slot.slot()) ? Optional.of(new Route(slot, config.colourCode()))
                : Optional.empty();
    }
}
