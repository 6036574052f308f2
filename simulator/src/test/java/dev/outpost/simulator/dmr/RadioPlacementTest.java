package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RadioPlacementTest {
    private static final List<Unit> UNITS = TianheRegistryGenerator.generate(42);

    @Test
    void everyDmrUnitGetsOneStationAndSlotAndAStreetStaysTogether() {
        List<BaseStationSpec> stations = BaseStationSpec.generate(20, 1000, "BS", 1, "p", 0);
        Map<Integer, RadioPlace> places = RadioPlacement.place(UNITS, stations, DmrSimOptions.Placement.STREET);
        assertEquals(UNITS.stream().filter(u -> u.dmrId() != null).count(), places.size());
        Map<String, Long> stationsPerStreet = UNITS.stream().filter(u -> u.dmrId() != null).collect(
                Collectors.groupingBy(Unit::street, Collectors.mapping(u -> places.get(u.dmrId()).peerId(),
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        assertTrue(stationsPerStreet.values().stream().allMatch(n -> n == 1), stationsPerStreet.toString());
        assertEquals(20, places.values().stream().map(RadioPlace::peerId).distinct().count());
        long slot1 = places.values().stream().filter(p -> p.slot() == 1).count();
        assertTrue(Math.abs(slot1 - (places.size() - slot1)) <= 20, "slots alternate within each station");
    }

    @Test
    void listedStreetsGoToTheirStationAndRoundRobinDealsOneByOne() {
        String street = UNITS.get(0).street();
        List<BaseStationSpec> stations = List.of(new BaseStationSpec(1, "A", 1, "p", List.of(street)),
                new BaseStationSpec(2, "B", 1, "p", List.of()), new BaseStationSpec(3, "C", 1, "p", List.of()));
        Map<Integer, RadioPlace> places = RadioPlacement.place(UNITS, stations, DmrSimOptions.Placement.ROUND_ROBIN);
        UNITS.stream().filter(u -> u.dmrId() != null).forEach(u -> assertEquals(u.street().equals(street),
                places.get(u.dmrId()).peerId() == 1, u.unitId()));
        long onB = places.values().stream().filter(p -> p.peerId() == 2).count();
        long onC = places.values().stream().filter(p -> p.peerId() == 3).count();
        assertTrue(Math.abs(onB - onC) <= 1);
    }
}
