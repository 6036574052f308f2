package dev.outpost.simulator.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TianheRegistryGeneratorTest {
    private static final List<Unit> UNITS = TianheRegistryGenerator.generate(42);
    private static final Pattern FLEETSYNC = Pattern.compile("(\\d{3})-(\\d{4})");

    @Test
    void hasTheRealDistrictCounts() {
        assertEquals(2702, UNITS.size());
        Map<UnitClass, Long> byClass = UNITS.stream()
                .collect(Collectors.groupingBy(Unit::unitClass, () -> new EnumMap<>(UnitClass.class), Collectors.counting()));
        assertEquals(Map.of(UnitClass.A, 709L, UnitClass.B, 687L, UnitClass.C, 572L, UnitClass.D, 734L), byClass);
        assertEquals(18_365, UNITS.stream().mapToInt(Unit::staff).sum());
        assertEquals(21, UNITS.stream().map(Unit::street).distinct().count());
        assertTrue(UNITS.stream().map(Unit::street).collect(Collectors.toSet()).containsAll(Set.of("Shipai", "Linhe", "Tianhe South", "Wushan", "Yuancun")));
    }

    @Test
    void staffStaysWithinClassBounds() {
        for (Unit u : UNITS) {
            assertTrue(u.staff() >= StaffAllocator.min(u.unitClass()) && u.staff() <= StaffAllocator.max(u.unitClass()), u.toString());
        }
    }

    @Test
    void lifecycleSharesAreRealistic() {
        Map<Lifecycle, Long> byLifecycle = UNITS.stream().collect(Collectors.groupingBy(Unit::lifecycle, Collectors.counting()));
        assertEquals(81L, byLifecycle.get(Lifecycle.ON_LEAVE));
        assertEquals(14L, byLifecycle.get(Lifecycle.DEACTIVATED));
    }

    @Test
    void positionsAreInsideTheDistrictBox() {
        for (Unit u : UNITS) {
            assertTrue(u.hasPosition());
            assertTrue(u.lat() >= 23.10 && u.lat() <= 23.25, u.toString());
            assertTrue(u.lon() >= 113.30 && u.lon() <= 113.45, u.toString());
        }
    }

    @Test
    void unitsClusterAroundTheirStreetCentre() {
        Map<String, TianheStreet> streets = TianheStreet.ALL.stream().collect(Collectors.toMap(TianheStreet::name, Function.identity()));
        long near = UNITS.stream().filter(u -> {
            TianheStreet s = streets.get(u.street());
            return Math.abs(u.lat() - s.lat()) < 0.02 && Math.abs(u.lon() - s.lon()) < 0.02;
        }).count();
        assertTrue(near > UNITS.size() * 0.99, "near=" + near);
    }

    @Test
    void idsAndAddressesAreUniqueAndInRange() {
        new UnitRegistry(UNITS); // throws on any duplicate id or address
        assertEquals("TH-0001", UNITS.get(0).unitId());
        assertEquals("u0001", UNITS.get(0).pocUser());
        assertTrue(UNITS.stream().allMatch(u -> u.address(Bearer.POC).isPresent()));
        long dmr = UNITS.stream().filter(u -> u.dmrId() != null).count();
        long tetra = UNITS.stream().filter(u -> u.issi() != null).count();
        long fleetsync = UNITS.stream().filter(u -> u.fleetsyncId() != null).count();
        assertTrue(dmr > 1600 && dmr < 1900, "dmr=" + dmr);
        assertTrue(tetra > 430 && tetra < 650, "tetra=" + tetra);
        assertTrue(fleetsync > 200 && fleetsync < 350, "fleetsync=" + fleetsync);
        for (Unit u : UNITS) {
            if (u.dmrId() != null) {
                assertTrue(u.dmrId() >= 1 && u.dmrId() <= 16_777_215);
            }
            if (u.issi() != null) {
                assertTrue(u.issi() >= 1 && u.issi() <= 16_777_215);
            }
            if (u.fleetsyncId() != null) {
                var m = FLEETSYNC.matcher(u.fleetsyncId());
                assertTrue(m.matches(), u.fleetsyncId());
                int fleet = Integer.parseInt(m.group(1));
                int id = Integer.parseInt(m.group(2));
                assertTrue(fleet >= 100 && fleet <= 349 && id >= 1000 && id <= 4999, u.fleetsyncId());
            }
        }
    }

    @Test
    void isDeterministicForASeed() {
        assertEquals(UNITS, TianheRegistryGenerator.generate(42));
        assertNotEquals(UNITS, TianheRegistryGenerator.generate(43));
    }

    @Test
    void scalesToCitySizeWithProportionalCounts() {
        List<Unit> city = TianheRegistryGenerator.scale(7, 27_020);
        assertEquals(27_020, city.size());
        assertEquals(7090, city.stream().filter(u -> u.unitClass() == UnitClass.A).count());
        assertEquals(183_650, city.stream().mapToInt(Unit::staff).sum());
        assertEquals("TH-00001", city.get(0).unitId());
        new UnitRegistry(city);
    }

    @Test
    void roundTripsThroughTheRegistryCsv() throws Exception {
        StringWriter out = new StringWriter();
        RegistryCsv.write(UNITS, out);
        var read = RegistryCsv.parse(Path.of("units.csv"), out.toString());
        assertEquals(List.of(), read.problems());
        assertEquals(UNITS, read.units());
    }
}
