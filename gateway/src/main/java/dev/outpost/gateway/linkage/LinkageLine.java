package dev.outpost.gateway.linkage;

import java.util.List;

/**
 * One point's line: its k nearest active units with a position, nearest first (ties by unit id).
 *
 * @param units       the selected units; fewer than {@code k} when fewer are eligible
 * @param skipped     on-leave or deactivated units the rule passed over, nearest first
 * @param unpositioned active units left out because they have no (usable) position
 */
public record LinkageLine(String pointUnitId, int k, List<LinkedUnit> units, List<SkippedUnit> skipped,
        int unpositioned) {

    public LinkageLine {
        units = List.copyOf(units);
        skipped = List.copyOf(skipped);
    }

    /** Whether the line has fewer than k units because the registry ran out of eligible ones. */
    public boolean isShort() {
        return units.size() < k;
    }
}
