package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Selects the units of a linkage drill from one registry snapshot: a point's line is its k nearest
 * active units with a position by great-circle distance ({@link GreatCircle}), nearest first, ties
 * by unit id; an area is the union of several points' lines. Build one per registry snapshot (the
 * index is immutable); queries are thread-safe.
 */
public final class LinkageSelector {
    public static final int DEFAULT_K = 10;
    /** Far above any drill (a drill calls a line, not a district); a guard against typos. */
    public static final int MAX_K = 1_000;
    public static final int MAX_POINTS = 100;

    private static final Comparator<LinkedUnit> LINKED_BY_POINT = Comparator
            .comparingDouble(LinkedUnit::distanceMetres).thenComparing(LinkedUnit::pointUnitId);
    private static final Comparator<LinkedUnit> LINKED_ORDER = Comparator
            .comparingDouble(LinkedUnit::distanceMetres).thenComparing(LinkedUnit::unitId);
    private static final Comparator<SkippedUnit> SKIPPED_BY_POINT = Comparator
            .comparingDouble(SkippedUnit::distanceMetres).thenComparing(SkippedUnit::pointUnitId);
    private static final Comparator<SkippedUnit> SKIPPED_ORDER = Comparator
            .comparingDouble(SkippedUnit::distanceMetres).thenComparing(SkippedUnit::unitId);

    private final UnitRegistry registry;
    private final NeighbourSearch search;
    private final int unpositioned;

    private LinkageSelector(UnitRegistry registry, NeighbourSearch search) {
        this.registry = registry;
        this.search = search;
        this.unpositioned = (int) registry.units().stream()
                .filter(u -> u.lifecycle() == Lifecycle.ACTIVE && !GreatCircle.hasUsablePosition(u))
                .count();
    }

    /** The selector to use: backed by a spatial index, built once for this snapshot. */
    public static LinkageSelector of(UnitRegistry registry) {
        return new LinkageSelector(registry, new IndexedSearch(registry.units()));
    }

    /** The reference selector (distance to every unit per query): for tests and benchmarks only. */
    public static LinkageSelector bruteForce(UnitRegistry registry) {
        return new LinkageSelector(registry, new BruteForceSearch(registry.units()));
    }

    /** The line of one point: its {@code k} nearest eligible units. */
    public LinkageLine line(String pointUnitId, int k) throws LinkageRejected {
        List<String> problems = new ArrayList<>();
        checkK(k, problems);
        Unit point = point(pointUnitId, problems);
        if (!problems.isEmpty()) {
            throw new LinkageRejected(problems);
        }
        return lineOf(point, k);
    }

    /** The area of several points: the union of their lines, each unit once with its nearest point. */
    public LinkageArea area(List<String> pointUnitIds, int k) throws LinkageRejected {
        List<String> problems = new ArrayList<>();
        checkK(k, problems);
        List<Unit> points = new ArrayList<>();
        if (pointUnitIds == null || pointUnitIds.isEmpty()) {
            problems.add("an area needs at least one point");
        } else if (pointUnitIds.size() > MAX_POINTS) {
            problems.add("an area has at most " + MAX_POINTS + " points, got " + pointUnitIds.size());
        } else {
            Set<String> seen = new HashSet<>();
            for (String id : pointUnitIds) {
                if (id != null && !seen.add(id)) {
                    problems.add("point " + id + " is listed twice");
                } else {
                    points.add(point(id, problems));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LinkageRejected(problems);
        }
        List<LinkageLine> lines = new ArrayList<>();
        for (Unit p : points) {
            lines.add(lineOf(p, k));
        }
        return new LinkageArea(List.copyOf(pointUnitIds), k, lines,
                union(lines, LinkageLine::units, LinkedUnit::unitId, LINKED_BY_POINT, LINKED_ORDER),
                union(lines, LinkageLine::skipped, SkippedUnit::unitId, SKIPPED_BY_POINT, SKIPPED_ORDER),
                unpositioned);
    }

    private LinkageLine lineOf(Unit point, int k) {
        List<Neighbour> nearest = search.nearestActive(point, k);
        Neighbour limit = nearest.size() == k ? nearest.get(k - 1) : null;
        List<LinkedUnit> units = new ArrayList<>(nearest.size());
        for (Neighbour n : nearest) {
            units.add(new LinkedUnit(n.unit().unitId(), point.unitId(), n.distanceMetres()));
        }
        List<SkippedUnit> skipped = new ArrayList<>();
        for (Neighbour n : search.inactiveBefore(point, limit)) {
            skipped.add(new SkippedUnit(n.unit().unitId(), point.unitId(), n.unit().lifecycle(), n.distanceMetres()));
        }
        return new LinkageLine(point.unitId(), k, units, skipped, unpositioned);
    }

    private static void checkK(int k, List<String> problems) {
        if (k < 1 || k > MAX_K) {
            problems.add("k must be 1.." + MAX_K + ", got " + k);
        }
    }

    /** The point unit, or null with a problem added. Its own lifecycle does not matter: it is a place. */
    private Unit point(String unitId, List<String> problems) {
        if (unitId == null || unitId.isBlank()) {
            problems.add("a point unit id is missing");
            return null;
        }
        Unit unit = registry.byId(unitId).orElse(null);
        if (unit == null) {
            problems.add("point " + unitId + " is not a known unit");
        } else if (!GreatCircle.hasUsablePosition(unit)) {
            problems.add("point " + unitId + " has no position");
        }
        return unit;
    }

    /** Each unit once, from the line where it is nearest its point, in the area's order. */
    private static <T> List<T> union(List<LinkageLine> lines, Function<LinkageLine, List<T>> members,
            Function<T, String> unitId, Comparator<T> nearestPoint, Comparator<T> order) {
        Map<String, T> best = new LinkedHashMap<>();
        for (LinkageLine line : lines) {
            for (T member : members.apply(line)) {
                best.merge(unitId.apply(member), member, (a, b) -> nearestPoint.compare(b, a) < 0 ? b : a);
            }
        }
        List<T> out = new ArrayList<>(best.values());
        out.sort(order);
        return out;
    }
}
