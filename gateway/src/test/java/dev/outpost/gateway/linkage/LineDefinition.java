package dev.outpost.gateway.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The selection rule written out the slowest, plainest way (distance to everything, full sort), to
 * check that the brute-force reference itself follows the documented rule.
 */
final class LineDefinition {
    private static final Comparator<Ranked> ORDER =
            Comparator.comparingDouble(Ranked::distance).thenComparing(r -> r.unit().unitId());

    private record Ranked(Unit unit, double distance) {
    }

    private LineDefinition() {
    }

    /** Asserts that {@code line} is exactly what the rule gives; returns whether the k-th boundary was a tie. */
    static boolean check(UnitRegistry registry, LinkageLine line) {
        Unit point = registry.byId(line.pointUnitId()).orElseThrow();
        List<Ranked> all = new ArrayList<>();
        for (Unit u : registry.units()) {
            if (!u.unitId().equals(point.unitId()) && u.hasPosition()) {
                all.add(new Ranked(u, GreatCircle.distanceMetres(point.lat(), point.lon(), u.lat(), u.lon())));
            }
        }
        all.sort(ORDER);
        List<LinkedUnit> expected = new ArrayList<>();
        List<SkippedUnit> skipped = new ArrayList<>();
        List<Ranked> beyond = new ArrayList<>();
        for (Ranked r : all) {
            if (expected.size() == line.k()) {
                beyond.add(r);
            } else if (r.unit().lifecycle() == Lifecycle.ACTIVE) {
                expected.add(new LinkedUnit(r.unit().unitId(), point.unitId(), r.distance()));
            } else {
                skipped.add(new SkippedUnit(r.unit().unitId(), point.unitId(), r.unit().lifecycle(), r.distance()));
            }
        }
        long unpositioned = registry.units().stream()
                .filter(u -> u.lifecycle() == Lifecycle.ACTIVE && !u.hasPosition()).count();
        assertEquals(new LinkageLine(point.unitId(), line.k(), expected, skipped, (int) unpositioned), line,
                "line of " + point.unitId() + " k=" + line.k());
        return expected.size() == line.k() && beyond.stream().anyMatch(r -> r.unit().lifecycle() == Lifecycle.ACTIVE
                && r.distance() == expected.get(line.k() - 1).distanceMetres());
    }
}
