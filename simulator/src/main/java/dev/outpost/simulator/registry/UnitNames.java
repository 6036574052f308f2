package dev.outpost.simulator.registry;

import dev.outpost.config.registry.UnitClass;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Plausible unit names: larger classes guard bigger sites. */
final class UnitNames {
    private static final List<String> A_SITES = List.of("Metro Station", "Commercial Complex", "Hospital", "Transit Hub");
    private static final List<String> B_SITES = List.of("Office Tower", "Wet Market", "Residential Estate", "School");
    private static final List<String> C_SITES = List.of("Community Centre", "Shopfront Row", "Park Gate", "Clinic");
    private static final List<String> D_SITES = List.of("Village Lane", "Kiosk", "Car Park", "Alley Patrol");

    private UnitNames() {
    }

    static String name(String street, UnitClass unitClass, int numberInStreet, Random random) {
        List<String> sites = switch (unitClass) {
            case A -> A_SITES;
            case B -> B_SITES;
            case C -> C_SITES;
            case D -> D_SITES;
        };
        String site = sites.get(random.nextInt(sites.size()));
        return String.format(Locale.ROOT, "%s %s %d", street, site, numberInStreet);
    }
}
