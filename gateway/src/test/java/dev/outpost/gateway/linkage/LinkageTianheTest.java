package dev.outpost.gateway.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The acceptance: the index matches the brute-force oracle on Tianhe and on a 27,000-unit city. */
class LinkageTianheTest {

    @Test
    void tianheTenThousandRandomPointsMatchTheOracle() throws LinkageRejected {
        UnitRegistry registry = new UnitRegistry(TianheRegistryGenerator.generate(42));
        int skippedSeen = compare(registry, 10_000, LinkageSelector.DEFAULT_K, 1);
        assertTrue(skippedSeen > 100, "Tianhe has ~3.5 % inactive units, so some lines skip: " + skippedSeen);
    }

    @Test
    void cityOfTwentySevenThousandMatchesTheOracle() throws LinkageRejected {
        UnitRegistry registry = new UnitRegistry(TianheRegistryGenerator.scale(7, 27_000));
        compare(registry, 1_000, LinkageSelector.DEFAULT_K, 2);
        compare(registry, 100, 250, 3);
    }

    @Test
    void aTianheLineIsTenActiveUnitsWithinAStreetOrTwo() throws LinkageRejected {
        UnitRegistry registry = new UnitRegistry(TianheRegistryGenerator.generate(42));
        LinkageLine line = LinkageSelector.of(registry).line("TH-0001", 10);
        assertEquals(10, line.units().size());
        for (LinkedUnit u : line.units()) {
            assertEquals(Lifecycle.ACTIVE, registry.byId(u.unitId()).orElseThrow().lifecycle());
            assertTrue(u.distanceMetres() < 2_000, u + " is within 2 km in a dense district");
        }
        LineDefinition.check(registry, line);
    }

    /** Lines of random points (units picked with replacement) and a few areas; returns lines with skips. */
    private static int compare(UnitRegistry registry, int queries, int k, long seed) throws LinkageRejected {
        List<String> points = LinkageIndexOracleTest.positionedIds(registry);
        LinkageSelector fast = LinkageSelector.of(registry);
        LinkageSelector reference = LinkageSelector.bruteForce(registry);
        SplittableRandom random = new SplittableRandom(seed);
        int withSkipped = 0;
        for (int q = 0; q < queries; q++) {
            String point = points.get(random.nextInt(points.size()));
            LinkageLine expected = reference.line(point, k);
            assertEquals(expected, fast.line(point, k), "point " + point);
            assertEquals(k, expected.units().size());
            withSkipped += expected.skipped().isEmpty() ? 0 : 1;
            if (q % 50 == 0) {
                List<String> area = List.of(point, points.get(random.nextInt(points.size())));
                if (!area.get(0).equals(area.get(1))) {
                    assertEquals(reference.area(area, k), fast.area(area, k), "area " + area);
                }
            }
        }
        return withSkipped;
    }
}
