package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.link;
import static dev.outpost.gateway.muster.MusterFixtures.request;
import static dev.outpost.gateway.muster.MusterFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.report.ReportRow;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MusterPlanningTest {
    private static final Pacing FAST = new Pacing(1000, 10, 0);
    private final UnitRegistry registry = new UnitRegistry(List.of(
            unit("A1", "Shipai", UnitClass.A, 101, "poc-a1"),
            unit("A2", "Shipai", UnitClass.B, 102, null),
            unit("B1", "Tangxia", UnitClass.A, null, "poc-b1"),
            unit("B2", "Tangxia", UnitClass.C, 104, null).withLifecycle(Lifecycle.ON_LEAVE),
            unit("B3", "Tangxia", UnitClass.C, 105, null).withLifecycle(Lifecycle.DEACTIVATED),
            unit("C1", "Liede", UnitClass.D, null, null)));
    private final List<MusterLink> links = List.of(
            link("dmr1", Bearer.DMR, FAST, true), link("poc1", Bearer.POC, FAST, true));

    private MusterEngine start(MusterScope scope) throws MusterRejected {
        return MusterEngine.start("m1", request(scope, Duration.ofSeconds(1), 0, Duration.ofSeconds(5),
                Duration.ZERO), registry, links, 0, EPOCH);
    }

    private static Map<String, MusterOutcome> outcomes(MusterEngine engine) {
        return engine.report().rows().stream().filter(r -> r.outcome() != null)
                .collect(Collectors.toMap(ReportRow::unitId, ReportRow::outcome));
    }

    @Test
    void scopesSelectTheRightUnits() throws MusterRejected {
        assertEquals(6, start(new MusterScope.All()).snapshot(0).targeted());
        assertEquals(List.of("B1", "B2", "B3"), start(new MusterScope.Street("Tangxia")).report().rows().stream()
                .map(ReportRow::unitId).toList());
        assertEquals(List.of("A1", "B1"), start(new MusterScope.ByClass(UnitClass.A)).report().rows().stream()
                .map(ReportRow::unitId).toList());
        assertEquals(List.of("C1", "A2"), start(new MusterScope.Units(List.of("C1", "A2"))).report().rows().stream()
                .map(ReportRow::unitId).toList());
    }

    @Test
    void leaveAndDeactivatedAreExcludedAndUnaddressableUnitsUnreachable() throws MusterRejected {
        MusterEngine engine = start(new MusterScope.All());
        Map<String, MusterOutcome> outcomes = outcomes(engine);
        assertEquals(MusterOutcome.ON_LEAVE, outcomes.get("B2"));
        assertEquals(MusterOutcome.DEACTIVATED, outcomes.get("B3"));
        assertEquals(MusterOutcome.UNREACHABLE, outcomes.get("C1"));
        MusterSnapshot snapshot = engine.snapshot(0);
        assertEquals(Map.of("on_leave", 1, "deactivated", 1), snapshot.excluded());
        assertEquals(3, snapshot.pending());
        List<String> sentTo = engine.pollSends().stream().flatMap(s -> s.request().addresses().stream()).toList();
        assertEquals(Set.of("101", "102", "poc-b1"), Set.copyOf(sentTo));
    }

    @Test
    void preferLinksDecidesTheBearerAndDownLinksAreSkipped() throws MusterRejected {
        MusterRequest preferPoc = new MusterRequest(Optional.empty(), new MusterScope.Units(List.of("A1")),
                CallMethod.POLL, Duration.ofSeconds(1), 0, Duration.ofSeconds(5), Duration.ZERO, List.of("poc1"), "");
        MusterEngine engine = MusterEngine.start("m1", preferPoc, registry, links, 0, EPOCH);
        assertEquals("poc1", engine.pollSends().get(0).linkId());

        List<MusterLink> pocDown = List.of(link("dmr1", Bearer.DMR, FAST, true), link("poc1", Bearer.POC, FAST, false));
        MusterEngine fallback = MusterEngine.start("m2", preferPoc, registry, pocDown, 0, EPOCH);
        assertEquals("dmr1", fallback.pollSends().get(0).linkId());

        MusterEngine onlyPocUnit = MusterEngine.start("m3", request(new MusterScope.Units(List.of("B1")),
                Duration.ofSeconds(1), 0, Duration.ofSeconds(5), Duration.ZERO), registry, pocDown, 0, EPOCH);
        assertEquals(MusterOutcome.UNREACHABLE, outcomes(onlyPocUnit).get("B1"));
        assertTrue(onlyPocUnit.pollSends().isEmpty());
        assertTrue(onlyPocUnit.isFinished(), "nothing can change, so it finishes at once");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        MusterRequest bad = new MusterRequest(Optional.empty(), new MusterScope.Units(List.of("A1", "X9", "A1", "Y7")),
                CallMethod.VOICE, Duration.ZERO, -1, Duration.ofSeconds(5), Duration.ofSeconds(-1), List.of("nope"), "");
        List<MusterLink> pollOnly = List.of(new MusterLink("dmr1", Bearer.DMR, FAST, true, EnumSet.of(CallMethod.POLL)));
        MusterRejected rejected = assertThrows(MusterRejected.class,
                () -> MusterEngine.start("m1", bad, registry, pollOnly, 0, EPOCH));
        assertEquals(Set.of(
                "attempt_timeout must be > 0, got PT0S",
                "retries must be >= 0, got -1",
                "late_window must be >= 0, got PT-1S",
                "prefer_links names unknown link 'nope'; known: [dmr1]",
                "no configured link can carry method 'voice'",
                "unknown unit ids: X9, Y7",
                "unit ids listed twice: A1"), Set.copyOf(rejected.problems()));
    }

    @Test
    void aScopeThatMatchesNothingIsRejected() {
        MusterRejected rejected = assertThrows(MusterRejected.class, () -> start(new MusterScope.Street("Nowhere")));
        assertEquals(List.of("scope street:Nowhere matches no unit in the registry"), rejected.problems());
    }

    @Test
    void musterIdsAreSortableAndValidated() {
        MusterIds ids = new MusterIds(new java.util.Random(7));
        String id = ids.next(EPOCH, x -> false);
        assertTrue(id.matches("m-20261129T101500Z-[0-9a-f]{4}"), id);
        assertEquals(null, MusterIds.problemWith("drill_7-b", x -> false));
        assertTrue(MusterIds.problemWith("bad id!", x -> false).contains("1 to 64 characters"));
        assertEquals("muster_id 'taken' is already used", MusterIds.problemWith("taken", "taken"::equals));
    }
}
