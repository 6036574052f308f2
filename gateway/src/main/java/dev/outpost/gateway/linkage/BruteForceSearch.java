package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The reference search: the haversine distance to every unit, keeping the best k in a bounded heap.
 * Kept as the oracle the index is tested against, and as the benchmark's baseline.
 */
final class BruteForceSearch implements NeighbourSearch {
    private final List<Unit> active = new ArrayList<>();
    private final List<Unit> inactive = new ArrayList<>();

    BruteForceSearch(List<Unit> units) {
        for (Unit u : units) {
            if (GreatCircle.hasUsablePosition(u)) {
                (u.lifecycle() == Lifecycle.ACTIVE ? active : inactive).add(u);
            }
        }
    }

    @Override
    public List<Neighbour> nearestActive(Unit point, int k) {
        // Worst of the kept k at the head, so one comparison decides whether a unit gets in.
        PriorityQueue<Neighbour> best = new PriorityQueue<>(k + 1, Neighbour.RANK.reversed());
        for (Unit u : active) {
            if (u.unitId().equals(point.unitId())) {
                continue;
            }
            Neighbour n = Neighbour.of(point, u);
            if (best.size() < k) {
                best.add(n);
            } else if (Neighbour.RANK.compare(n, best.peek()) < 0) {
                best.poll();
                best.add(n);
            }
        }
        List<Neighbour> out = new ArrayList<>(best);
        out.sort(Neighbour.RANK);
        return out;
    }

    @Override
    public List<Neighbour> inactiveBefore(Unit point, Neighbour limit) {
        List<Neighbour> out = new ArrayList<>();
        for (Unit u : inactive) {
            if (u.unitId().equals(point.unitId())) {
                continue;
            }
            Neighbour n = Neighbour.of(point, u);
            if (limit == null || Neighbour.RANK.compare(n, limit) < 0) {
                out.add(n);
            }
        }
        out.sort(Neighbour.RANK);
        return out;
    }
}
