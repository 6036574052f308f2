package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast search: a {@link SphereKdTree} of active units and one of inactive units, each proposing
 * candidates that are then ranked by the same haversine distance and {@link Neighbour#RANK} as
 * {@link BruteForceSearch}, so both give identical answers.
 */
final class IndexedSearch implements NeighbourSearch {
    private final SphereKdTree active;
    private final SphereKdTree inactive;

    IndexedSearch(List<Unit> units) {
        List<Unit> activeUnits = new ArrayList<>();
        List<Unit> inactiveUnits = new ArrayList<>();
        for (Unit u : units) {
            if (GreatCircle.hasUsablePosition(u)) {
                (u.lifecycle() == Lifecycle.ACTIVE ? activeUnits : inactiveUnits).add(u);
            }
        }
        active = new SphereKdTree(activeUnits);
        inactive = new SphereKdTree(inactiveUnits);
    }

    @Override
    public List<Neighbour> nearestActive(Unit point, int k) {
        double[] q = GreatCircle.unitVector(point.lat(), point.lon());
        int[] candidates = active.nearestCandidates(q, k, active.indexOf(point.unitId()));
        List<Neighbour> ranked = rank(active, point, candidates);
        return ranked.size() > k ? new ArrayList<>(ranked.subList(0, k)) : ranked;
    }

    @Override
    public List<Neighbour> inactiveBefore(Unit point, Neighbour limit) {
        double[] q = GreatCircle.unitVector(point.lat(), point.lon());
        int excluded = inactive.indexOf(point.unitId());
        double bound = Double.POSITIVE_INFINITY;
        if (limit != null) {
            double[] limitVector = GreatCircle.unitVector(limit.unit().lat(), limit.unit().lon());
            bound = Math.sqrt(SphereKdTree.chordSquared(q, limitVector)) + SphereKdTree.CHORD_MARGIN;
        }
        List<Neighbour> ranked = rank(inactive, point, inactive.within(q, bound, excluded));
        if (limit != null) {
            ranked.removeIf(n -> Neighbour.RANK.compare(n, limit) >= 0);
        }
        return ranked;
    }

    private static List<Neighbour> rank(SphereKdTree tree, Unit point, int[] candidates) {
        List<Neighbour> out = new ArrayList<>(candidates.length);
        for (int index : candidates) {
            out.add(Neighbour.of(point, tree.unit(index)));
        }
        out.sort(Neighbour.RANK);
        return out;
    }
}
