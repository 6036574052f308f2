package dev.outpost.gateway.units;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Unit;
import java.time.Instant;

/** A unit as the API shows it: its registry row, and when its leave ends, if it does. */
public record UnitView(Unit unit, Instant leaveUntil) {
    public ObjectNode toJson() {
        ObjectNode n = UnitJson.toJson(unit);
        n.put("leave_until", leaveUntil == null ? null : leaveUntil.toString());
        return n;
    }
}
