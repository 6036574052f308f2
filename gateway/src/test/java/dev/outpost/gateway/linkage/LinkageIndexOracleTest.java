package dev.outpost.gateway.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property-style: over many seeded random registries of every {@link RandomRegistries.Shape}, the
 * indexed selector gives exactly the brute-force answer, and the brute force follows the rule.
 */
class LinkageIndexOracleTest {
    private static final int REGISTRIES_PER_SHAPE = 40;
    private static final int QUERIES_PER_REGISTRY = 25;

    @Test
    void indexMatchesBruteForceOnRandomRegistries() throws LinkageRejected {
        SplittableRandom random = new SplittableRandom(20261129L);
        int lines = 0;
        int boundaryTies = 0;
        int shortLines = 0;
        int withSkipped = 0;
        for (RandomRegistries.Shape shape : RandomRegistries.Shape.values()) {
            for (int r = 0; r < REGISTRIES_PER_SHAPE; r++) {
                int size = r < 4 ? 1 + r : random.nextInt(5, 600);
                UnitRegistry registry = RandomRegistries.generate(random, shape, size);
                List<String> points = positionedIds(registry);
                if (points.isEmpty()) {
                    continue;
                }
                LinkageSelector fast = LinkageSelector.of(registry);
                LinkageSelector reference = LinkageSelector.bruteForce(registry);
                for (int q = 0; q < QUERIES_PER_REGISTRY; q++) {
                    String point = points.get(random.nextInt(points.size()));
                    int k = randomK(random, size);
                    LinkageLine expected = reference.line(point, k);
                    assertEquals(expected, fast.line(point, k), shape + " registry " + r + " point " + point + " k=" + k);
                    boundaryTies += LineDefinition.check(registry, expected) ? 1 : 0;
                    shortLines += expected.isShort() ? 1 : 0;
                    withSkipped += expected.skipped().isEmpty() ? 0 : 1;
                    lines++;
                }
                List<String> areaPoints = randomPoints(random, points);
                int k = randomK(random, size);
                assertEquals(reference.area(areaPoints, k), fast.area(areaPoints, k), shape + " area " + areaPoints);
            }
        }
        // The properties above are only worth something if the hard cases really occurred.
        assertTrue(lines > 5_000, "lines " + lines);
        assertTrue(boundaryTies > 100, "lines with a tie at the k-th distance: " + boundaryTies);
        assertTrue(shortLines > 100, "lines with fewer than k eligible units: " + shortLines);
        assertTrue(withSkipped > 1_000, "lines that skipped inactive units: " + withSkipped);
    }

    @Test
    void areaIsTheUnionOfItsLinesWithEachUnitAtItsNearestPoint() throws LinkageRejected {
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < 30; r++) {
            UnitRegistry registry = RandomRegistries.generate(random, RandomRegistries.Shape.GRID, random.nextInt(20, 300));
            List<String> points = randomPoints(random, positionedIds(registry));
            LinkageArea area = LinkageSelector.of(registry).area(points, randomK(random, 50));
            assertEquals(points.size(), area.lines().size());
            List<LinkedUnit> expected = new ArrayList<>();
            for (LinkageLine line : area.lines()) {
                for (LinkedUnit u : line.units()) {
                    LinkedUnit best = area.lines().stream().flatMap(l -> l.units().stream())
                            .filter(o -> o.unitId().equals(u.unitId()))
                            .min(java.util.Comparator.comparingDouble(LinkedUnit::distanceMetres)
                                    .thenComparing(LinkedUnit::pointUnitId)).orElseThrow();
                    if (!expected.contains(best)) {
                        expected.add(best);
                    }
                }
            }
            expected.sort(java.util.Comparator.comparingDouble(LinkedUnit::distanceMetres).thenComparing(LinkedUnit::unitId));
            assertEquals(expected, area.units());
        }
    }

    static List<String> positionedIds(UnitRegistry registry) {
        return registry.units().stream().filter(Unit::hasPosition).map(Unit::unitId).toList();
    }

    private static int randomK(SplittableRandom random, int size) {
        int[] ks = {1, 2, 3, 5, 10, 10, 25, size, size + 7};
        return Math.min(LinkageSelector.MAX_K, Math.max(1, ks[random.nextInt(ks.length)]));
    }

    private static List<String> randomPoints(SplittableRandom random, List<String> positioned) {
        List<String> out = new ArrayList<>();
        int want = Math.min(positioned.size(), 1 + random.nextInt(4));
        while (out.size() < want) {
            String id = positioned.get(random.nextInt(positioned.size()));
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
