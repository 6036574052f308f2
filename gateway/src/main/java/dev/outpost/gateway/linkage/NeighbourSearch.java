package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Unit;
import java.util.List;

/**
 * Finds units near a point. Two implementations must agree exactly: {@link BruteForceSearch} (the
 * reference) and {@link IndexedSearch} (what {@link LinkageSelector#of} uses).
 */
interface NeighbourSearch {

    /**
     * The {@code k} first active units with a usable position in {@link Neighbour#RANK} order,
     * leaving out the point itself (by unit id). Fewer when fewer are eligible.
     */
    List<Neighbour> nearestActive(Unit point, int k);

    /**
     * On-leave and deactivated units with a usable position (not the point itself) that rank before
     * {@code limit}, in rank order; every such unit when {@code limit} is null.
     */
    List<Neighbour> inactiveBefore(Unit point, Neighbour limit);
}
