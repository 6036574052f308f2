package dev.outpost.gateway.link.hbp;

import dev.outpost.config.registry.Unit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which units one repeater slot reaches: units whose street is in {@code streets} or whose id is in {@code units};
 * a rule with neither reaches every unit.
 *
 * @param talkgroup the talkgroup voice musters use on this slot, if any
 */
public record HbpRouteRule(DmrSlot slot, Optional<Integer> talkgroup, Set<String> streets, Set<String> units) {
    public HbpRouteRule {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(talkgroup, "talkgroup");
        streets = Set.copyOf(streets);
        units = Set.copyOf(units);
    }

    public boolean reaches(Unit unit) {
        return streets.isEmpty() && units.isEmpty() || streets.contains(unit.street())
                || units.contains(unit.unitId());
    }
}
