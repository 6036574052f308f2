package dev.outpost.gateway.linkage;

import static dev.outpost.gateway.linkage.RandomRegistries.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.UnitRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule on a hand-made street: P is the point; units north of it every ~55 m. */
class LinkageSelectorTest {
    private static final double STEP = 0.0005; // ~55.6 m of latitude
    private static final double LAT = 23.1;
    private static final double LON = 113.3;

    private final UnitRegistry street = new UnitRegistry(List.of(
            unit("P", LAT, LON, Lifecycle.ACTIVE),
            unit("SAME", LAT, LON, Lifecycle.ACTIVE),
            unit("LEAVE", LAT + STEP, LON, Lifecycle.ON_LEAVE),
            unit("B", LAT + 2 * STEP, LON, Lifecycle.ACTIVE),
            unit("A", LAT + 2 * STEP, LON, Lifecycle.ACTIVE),
            unit("GONE", LAT + 3 * STEP, LON, Lifecycle.DEACTIVATED),
            unit("C", LAT + 4 * STEP, LON, Lifecycle.ACTIVE),
            unit("NOWHERE", null, null, Lifecycle.ACTIVE),
            unit("FAR", LAT + 1, LON, Lifecycle.ACTIVE)));

    @Test
    void nearestFirstTiesByIdPointExcludedButItsNeighbourAtZeroIncluded() throws LinkageRejected {
        for (LinkageSelector selector : selectors(street)) {
            LinkageLine line = selector.line("P", 3);
            assertEquals(List.of("SAME", "A", "B"), line.units().stream().map(LinkedUnit::unitId).toList());
            assertEquals(0.0, line.units().get(0).distanceMetres());
            assertEquals(111.195, line.units().get(1).distanceMetres(), 1e-3);
            assertEquals(line.units().get(1).distanceMetres(), line.units().get(2).distanceMetres());
            assertTrue(line.units().stream().allMatch(u -> u.pointUnitId().equals("P")));
            assertFalse(line.isShort());
        }
    }

    @Test
    void inactiveUnitsNearerThanTheLastSelectedAreReportedAsSkipped() throws LinkageRejected {
        for (LinkageSelector selector : selectors(street)) {
            LinkageLine line = selector.line("P", 3);
            assertEquals(1, line.skipped().size(), "GONE is beyond B, so not skipped");
            SkippedUnit leave = line.skipped().get(0);
            assertEquals("LEAVE", leave.unitId());
            assertEquals(Lifecycle.ON_LEAVE, leave.lifecycle());
            assertEquals(55.598, leave.distanceMetres(), 1e-3);
            assertEquals(1, line.unpositioned(), "NOWHERE");

            LinkageLine four = selector.line("P", 4);
            assertEquals(List.of("LEAVE", "GONE"), four.skipped().stream().map(SkippedUnit::unitId).toList());
            assertEquals(Lifecycle.DEACTIVATED, four.skipped().get(1).lifecycle());
        }
    }

    @Test
    void kBeyondTheEligibleUnitsGivesAShortLineWithEveryInactiveSkipped() throws LinkageRejected {
        for (LinkageSelector selector : selectors(street)) {
            LinkageLine line = selector.line("P", 50);
            assertTrue(line.isShort());
            assertEquals(List.of("SAME", "A", "B", "C", "FAR"), line.units().stream().map(LinkedUnit::unitId).toList());
            assertEquals(2, line.skipped().size());
        }
    }

    @Test
    void aPointOnLeaveStillServesAsAPlace() throws LinkageRejected {
        LinkageLine line = LinkageSelector.of(street).line("LEAVE", 2);
        assertEquals(2, line.units().size());
        for (LinkedUnit u : line.units()) {
            assertFalse(u.unitId().equals("LEAVE"));
            assertEquals(55.598, u.distanceMetres(), 1e-3, "P, SAME, A and B are all one step away");
        }
        assertTrue(line.skipped().isEmpty(), "the point itself is never skipped; GONE is two steps away");
    }

    @Test
    void badLineRequestsListEveryProblem() {
        LinkageSelector selector = LinkageSelector.of(street);
        assertEquals(List.of("k must be 1..1000, got 0", "point X is not a known unit"),
                assertThrows(LinkageRejected.class, () -> selector.line("X", 0)).problems());
        assertEquals(List.of("k must be 1..1000, got 1001", "point NOWHERE has no position"),
                assertThrows(LinkageRejected.class, () -> selector.line("NOWHERE", 1001)).problems());
        assertEquals(List.of("a point unit id is missing"),
                assertThrows(LinkageRejected.class, () -> selector.line(null, 10)).problems());
        assertEquals(List.of("k must be 1..1000, got -3"),
                assertThrows(LinkageRejected.class, () -> selector.line("P", -3)).problems());
    }

    @Test
    void badAreaRequestsListEveryProblem() {
        LinkageSelector selector = LinkageSelector.of(street);
        assertEquals(List.of("an area needs at least one point"),
                assertThrows(LinkageRejected.class, () -> selector.area(List.of(), 10)).problems());
        assertEquals(List.of("point P is listed twice", "point NOWHERE has no position", "a point unit id is missing"),
                assertThrows(LinkageRejected.class,
                        () -> selector.area(java.util.Arrays.asList("P", "A", "P", "NOWHERE", " "), 10)).problems());
        List<String> tooMany = new ArrayList<>(Collections.nCopies(LinkageSelector.MAX_POINTS + 1, "P"));
        assertEquals(List.of("an area has at most 100 points, got 101"),
                assertThrows(LinkageRejected.class, () -> selector.area(tooMany, 10)).problems());
    }

    @Test
    void areaKeepsEachUnitOnceAtItsNearestPointTiesToTheSmallerPointId() throws LinkageRejected {
        // M is exactly between X and W on a meridian; N is nearer W.
        UnitRegistry registry = new UnitRegistry(List.of(
                unit("X", 0.0, 10.0, Lifecycle.ACTIVE),
                unit("W", 0.002, 10.0, Lifecycle.ACTIVE),
                unit("M", 0.001, 10.0, Lifecycle.ACTIVE),
                unit("N", 0.0015, 10.0, Lifecycle.ACTIVE),
                unit("L", 0.0012, 10.0, Lifecycle.ON_LEAVE)));
        for (LinkageSelector selector : selectors(registry)) {
            LinkageArea area = selector.area(List.of("X", "W"), 2);
            assertEquals(List.of("X", "W"), area.pointUnitIds());
            assertEquals(List.of("N", "M"), area.lines().get(1).units().stream().map(LinkedUnit::unitId).toList());
            assertEquals(List.of("N", "M"),
                    area.units().stream().map(LinkedUnit::unitId).toList(), "N 55.6 m from W, M 111.2 m from both");
            assertEquals("W", area.units().get(0).pointUnitId());
            assertEquals("W", area.units().get(1).pointUnitId(), "M ties between X and W: W < X");
            assertEquals(List.of("L"), area.skipped().stream().map(SkippedUnit::unitId).toList());
            assertEquals("W", area.skipped().get(0).pointUnitId(), "L is nearer W");
        }
    }

    private static List<LinkageSelector> selectors(UnitRegistry registry) {
        return List.of(LinkageSelector.of(registry), LinkageSelector.bruteForce(registry));
    }
}
