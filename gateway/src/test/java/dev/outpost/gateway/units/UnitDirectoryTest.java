package dev.outpost.gateway.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.GeoBounds;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Registry changes in virtual time: validation, uniqueness, leaves that end by themselves, undo when not stored. */
class UnitDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EPOCH = Instant.parse("2026-11-29T10:00:00Z");
    private final ManualClock clock = new ManualClock(EPOCH);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final List<UnitChange> stored = new ArrayList<>();
    private final List<UnitView> published = new ArrayList<>();
    private boolean storeFails;
    private final UnitStore store = change -> {
        if (storeFails) {
            return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
        }
        stored.add(change);
        return CompletableFuture.completedFuture(null);
    };
    private final UnitDirectory units = new UnitDirectory(new UnitRegistry(List.of(
            new Unit("U1", "One", UnitClass.A, "Shipai", 23.13, 113.33, 1001, null, null, "u1", Lifecycle.ACTIVE, 4),
            new Unit("U2", "Two", UnitClass.B, "Shipai", 23.14, 113.34, 1002, null, null, "u2", Lifecycle.ACTIVE, 3))),
            Map.of(), new UnitFields(Optional.of(new GeoBounds(23.10, 23.25, 113.30, 113.45))), store, scheduler, clock,
            published::add);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private UnitOutcome run(CompletableFuture<UnitOutcome> outcome) {
        scheduler.runDue();
        return outcome.join();
    }

    @Test
    void aNewUnitIsValidatedStoredAndPublished() throws Exception {
        UnitOutcome outcome = run(units.add(json("{\"unit_id\":\"U3\",\"class\":\"c\",\"street\":\"Linhe\","
                + "\"lat\":23.15,\"lon\":113.35,\"dmr_id\":1003,\"staff\":5}")));
        UnitView view = assertInstanceOf(UnitOutcome.Done.class, outcome).view();
        assertEquals(UnitClass.C, view.unit().unitClass());
        assertEquals(Lifecycle.ACTIVE, view.unit().lifecycle());
        assertTrue(units.registry().byId("U3").isPresent(), "musters see it at once");
        assertEquals(1, stored.size());
        assertEquals(List.of(view), published);
    }

    @Test
    void everyProblemIsNamedAndNothingChanges() throws Exception {
        UnitOutcome outcome = run(units.add(json("{\"unit_id\":\"U 4\",\"class\":\"E\",\"lat\":40.0,"
                + "\"dmr_id\":-5,\"colour\":\"red\"}")));
        List<String> problems = assertInstanceOf(UnitOutcome.Refused.class, outcome).problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown field 'colour'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'lat' and 'lon' go together")), problems.toString());
        assertEquals(2, units.registry().size());
        assertTrue(stored.isEmpty() && published.isEmpty());
    }

    @Test
    void idsAndRadioIdsStayUniqueAndPositionsInsideTheDistrict() throws Exception {
        List<String> dup = assertInstanceOf(UnitOutcome.Refused.class, run(units.add(json(
                "{\"unit_id\":\"U1\",\"class\":\"A\"}")))).problems();
        assertTrue(dup.get(0).contains("already exists"), dup.toString());
        List<String> radio = assertInstanceOf(UnitOutcome.Refused.class, run(units.update("U2",
                json("{\"dmr_id\":1001}")))).problems();
        assertEquals(List.of("dmr address 1001 is already used by unit 'U1'"), radio);
        List<String> outside = assertInstanceOf(UnitOutcome.Refused.class, run(units.update("U2",
                json("{\"lat\":31.2,\"lon\":121.5}")))).problems();
        assertTrue(outside.get(0).contains("outside the district"), outside.toString());
        assertInstanceOf(UnitOutcome.Unknown.class, run(units.update("U9", json("{\"name\":\"x\"}"))));
        assertTrue(stored.isEmpty());
    }

    @Test
    void aLeaveWithAReturnDateEndsByItself() {
        Instant until = EPOCH.plus(Duration.ofDays(3));
        UnitView onLeave = assertInstanceOf(UnitOutcome.Done.class, run(units.leave("U1", until))).view();
        assertEquals(Lifecycle.ON_LEAVE, onLeave.unit().lifecycle());
        assertEquals(until, onLeave.leaveUntil());

        scheduler.advance(Duration.ofDays(3).minusSeconds(1));
        assertEquals(Lifecycle.ON_LEAVE, units.registry().byId("U1").orElseThrow().lifecycle());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(Lifecycle.ACTIVE, units.registry().byId("U1").orElseThrow().lifecycle());
        assertEquals("leave ended", stored.get(stored.size() - 1).source());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void lifecycleMovesOnlyFromWhereTheyMakeSense() {
        assertInstanceOf(UnitOutcome.Refused.class, run(units.returnFromLeave("U1")));
        assertInstanceOf(UnitOutcome.Refused.class, run(units.activate("U1")));
        assertInstanceOf(UnitOutcome.Done.class, run(units.deactivate("U1")));
        assertInstanceOf(UnitOutcome.Refused.class, run(units.leave("U1", null)));
        assertInstanceOf(UnitOutcome.Done.class, run(units.activate("U1")));
        assertInstanceOf(UnitOutcome.Refused.class, run(units.leave("U1", EPOCH.minusSeconds(1))));
        assertEquals(2, stored.stream().filter(UnitChange::lifecycleChanged).count());
    }

    @Test
    void aChangeThatCannotBeStoredIsUndone() throws Exception {
        storeFails = true;
        assertInstanceOf(UnitOutcome.Failed.class, run(units.update("U1", json("{\"name\":\"Renamed\"}"))));
        assertEquals("One", units.registry().byId("U1").orElseThrow().name());
        assertInstanceOf(UnitOutcome.Failed.class, run(units.add(json("{\"unit_id\":\"U5\",\"class\":\"D\"}"))));
        assertTrue(units.registry().byId("U5").isEmpty());
        assertTrue(published.isEmpty());
    }
}
