package dev.outpost.simulator.serial;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import java.util.ArrayList;
import java.util.List;

/** Small registries for radio tests: unit i has ISSI 2000000+i and FleetSync id 100-(2000+i). */
public final class RadioUnits {
    public static final long FIRST_ISSI = 2_000_001;

    private RadioUnits() {
    }

    /** {@code count} active units, then one unit on leave (id {@code R-LEAVE}). */
    public static List<Unit> withOneOnLeave(int count) {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            units.add(unit("R-" + i, i, Lifecycle.ACTIVE));
        }
        units.add(unit("R-LEAVE", count + 1, Lifecycle.ON_LEAVE));
        return units;
    }

    public static long issi(int i) {
        return FIRST_ISSI + i - 1;
    }

    private static Unit unit(String id, int i, Lifecycle lifecycle) {
        return new Unit(id, "Unit " + i, UnitClass.A, "Shahe", 23.13 + i * 0.001, 113.33 + i * 0.001, null,
                issi(i), "100-" + (2000 + i), "u" + i, lifecycle, 5);
    }
}
