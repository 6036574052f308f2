package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static dev.outpost.gateway.muster.MusterFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.report.GroupUse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A whole street (or district) called as one PoC group: only when the group reaches exactly the muster's units. */
class MusterGroupCallTest {
    private static final Pacing PACING = new Pacing(10, 5, 0);
    private static final MusterLink POC = MusterFixtures.link("poc", Bearer.POC, PACING, true);
    private static final MusterLink DMR = MusterFixtures.link("dmr", Bearer.DMR, PACING, true);
    private static final MusterScope SHIPAI = new MusterScope.Street("Shipai");
    private static final Optional<String> OFFER = Optional.of("G-SHIPAI");

    /** Units S0..S{n-1} on Shipai (PoC users s0..), and two on Linhe. */
    private static List<Unit> units(int shipai) {
        List<Unit> units = new ArrayList<>(IntStream.range(0, shipai)
                .mapToObj(i -> unit("S" + i, "Shipai", UnitClass.A, null, "s" + i)).toList());
        units.add(unit("L0", "Linhe", UnitClass.B, null, "l0"));
        units.add(unit("L1", "Linhe", UnitClass.B, 2001, "l1"));
        return units;
    }

    private static Set<String> ids(List<Unit> units, String street) {
        return units.stream().filter(u -> u.street().equals(street)).map(Unit::unitId).collect(Collectors.toSet());
    }

    private static Optional<String> decide(MusterScope scope, CallMethod method, Set<String> called, List<Unit> all) {
        return GroupCalls.decide(scope, method, POC, OFFER, called, new UnitRegistry(all));
    }

    @Test
    void theGroupIsCalledWhenEveryMemberIsCalled() {
        List<Unit> all = units(4);
        assertEquals(OFFER, decide(SHIPAI, CallMethod.POLL, ids(all, "Shipai"), all));
        assertEquals(OFFER, decide(SHIPAI, CallMethod.CONFIRM, ids(all, "Shipai"), all));
        Set<String> everyone = all.stream().map(Unit::unitId).collect(Collectors.toSet());
        assertEquals(OFFER, decide(new MusterScope.All(), CallMethod.POLL, everyone, all));
    }

    @Test
    void aMemberOutsideTheMusterKeepsTheUnitsListed() {
        List<Unit> all = units(4);
        Set<String> withoutOne = ids(all, "Shipai");
        withoutOne.remove("S2"); // on leave, deactivated or placed on another link: the group would still call it
        assertEquals(Optional.empty(), decide(SHIPAI, CallMethod.POLL, withoutOne, all));
        assertEquals(Optional.empty(), decide(new MusterScope.All(), CallMethod.POLL, ids(all, "Shipai"), all));
    }

    @Test
    void onlyStreetAndDistrictScopesAndCallsThatAUnitAnswersUseGroups() {
        List<Unit> all = units(4);
        Set<String> shipai = ids(all, "Shipai");
        assertEquals(Optional.empty(), decide(SHIPAI, CallMethod.VOICE, shipai, all));
        assertEquals(Optional.empty(), decide(new MusterScope.ByClass(UnitClass.A), CallMethod.POLL, shipai, all));
        assertEquals(Optional.empty(), decide(new MusterScope.Units(List.copyOf(shipai)), CallMethod.POLL, shipai, all));
        assertEquals(Optional.empty(), GroupCalls.decide(SHIPAI, CallMethod.POLL, POC, Optional.empty(), shipai,
                new UnitRegistry(all)));
    }

    private static MusterRequest request(MusterScope scope, int retries) {
        return new MusterRequest(Optional.empty(), scope, CallMethod.POLL, Duration.ofSeconds(1), retries,
                Duration.ofSeconds(20), Duration.ZERO, List.of(), "drill");
    }

    private static EngineDriver start(List<Unit> units, MusterScope scope, List<MusterLink> links)
            throws MusterRejected {
        GroupAssigner groups = (link, s) -> link.bearer() == Bearer.POC ? OFFER : Optional.empty();
        return new EngineDriver(MusterEngine.start("m1", request(scope, 1), new UnitRegistry(units), links,
                ChannelAssigner.NONE, groups, 0, EPOCH));
    }

    @Test
    void aStreetMusterGoesOutAsOneGroupCallAndEveryUnitKeepsItsOwnLatency() throws MusterRejected {
        EngineDriver driver = start(units(30), SHIPAI, List.of(POC));

        CallRequest first = driver.sent.get(0).call().request();
        assertEquals(1, driver.sent.size(), "thirty units, more than a batch of five, in one call");
        assertEquals("G-SHIPAI", first.group());
        assertEquals(List.of(), first.addresses());
        for (int i = 0; i < 29; i++) {
            driver.advanceTo((100 + 20 * i) * MS);
            driver.engine.onAck(MusterFixtures.ack("S" + i, Bearer.POC, "s" + i, "poc", first.callRef(), driver.now),
                    driver.now);
            driver.collect();
        }
        driver.runToEnd();

        for (int i = 0; i < 29; i++) {
            assertEquals(100.0 + 20 * i, driver.row("S" + i).latencyMs(), "S" + i + " timed from the group call");
        }
        assertEquals(List.of(new GroupUse("poc", "G-SHIPAI")), driver.engine.report().context().groupsUsed());
        // The retry names the one unit still silent. It is due at 1 s, but the group call reached 30 units: at 10/s
        // with a batch (5) of credit at the start, the lane's next address may go at 2.5 s + 0.1 s.
        CallRequest retry = driver.sent.get(1).call().request();
        assertNull(retry.group());
        assertEquals(List.of("s29"), retry.addresses());
        assertEquals(2_600 * MS, driver.sent.get(1).atNanos());
    }

    @Test
    void aMemberOnLeaveOrOnAnotherLinkMeansTheUnitsAreListed() throws MusterRejected {
        List<Unit> onLeave = new ArrayList<>(units(3));
        Unit s1 = onLeave.get(1);
        onLeave.set(1, new Unit(s1.unitId(), s1.name(), s1.unitClass(), s1.street(), null, null, null, null, null,
                s1.pocUser(), Lifecycle.ON_LEAVE, 3));
        EngineDriver leave = start(onLeave, SHIPAI, List.of(POC));
        assertNull(leave.sent.get(0).call().request().group());
        assertEquals(List.of("s0", "s2"), leave.sent.get(0).call().request().addresses());

        List<Unit> split = new ArrayList<>(units(3));
        split.set(2, unit("S2", "Shipai", UnitClass.A, 3002, "s2")); // reached first over DMR, which is preferred
        EngineDriver preferDmr = start(split, SHIPAI, List.of(DMR, POC));
        assertTrue(preferDmr.sent.stream().allMatch(s -> s.call().request().group() == null));
        assertEquals(List.of(), preferDmr.engine.report().context().groupsUsed());
    }

    @Test
    void theStartRecordKeepsTheGroupSoAReplaySendsTheSameCalls() throws MusterRejected {
        EngineDriver live = start(units(6), SHIPAI, List.of(POC));
        MusterStart start = new MusterStart("m1", live.engine.request(), live.engine.plannedLinks(),
                live.engine.plannedUnits(), EPOCH);
        assertEquals(Optional.of("G-SHIPAI"), start.links().get(0).group());

        MusterEngine replayed = MusterReplay.replay(start, 0, List.of());
        assertEquals(List.of(new GroupUse("poc", "G-SHIPAI")), replayed.groupsUsed());
        assertEquals(start.links(), replayed.plannedLinks());
    }
}
