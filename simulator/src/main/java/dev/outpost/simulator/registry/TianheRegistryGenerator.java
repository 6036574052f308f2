package dev.outpost.simulator.registry;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a registry shaped like Tianhe district's: 2,702 units in 21 streets, classes
 * A 709 / B 687 / C 572 / D 734, 18,365 staff, about 3 % on leave and 0.5 % deactivated. Every unit
 * has a PoC user; a realistic subset also has DMR, TETRA and FleetSync addresses. Deterministic for
 * a seed.
 */
public final class TianheRegistryGenerator {
    public static final int TIANHE_UNITS = 2702;
    public static final int TIANHE_STAFF = 18_365;
    /** Class sizes from the district report, in {@link UnitClass} order. */
    private static final int[] TIANHE_CLASS_SIZES = {709, 687, 572, 734};
    public static final double MIN_LAT = 23.10;
    public static final double MAX_LAT = 23.25;
    public static final double MIN_LON = 113.30;
    public static final double MAX_LON = 113.45;
    /** Largest registry {@link #scale} accepts: FleetSync's fleet/id space must not run out. */
    public static final int MAX_UNITS = 200_000;

    private static final double ON_LEAVE_SHARE = 0.03;
    private static final double DEACTIVATED_SHARE = 0.005;
    private static final double CLUSTER_SD_DEGREES = 0.006;

    private TianheRegistryGenerator() {
    }

    /** The Tianhe-sized registry. */
    public static List<Unit> generate(long seed) {
        return scale(seed, TIANHE_UNITS);
    }

    /**
     * A registry of any size with Tianhe's proportions: classes, streets, staff per unit and
     * lifecycle shares scale with {@code units}; at 2,702 the counts are exactly the real ones.
     */
    public static List<Unit> scale(long seed, int units) {
        if (units < 1 || units > MAX_UNITS) {
            throw new IllegalArgumentException("units must be 1.." + MAX_UNITS + ", got " + units);
        }
        Random random = new Random(seed);
        List<UnitClass> classes = shuffledClasses(units, random);
        int staffTarget = (int) Math.round((double) TIANHE_STAFF * units / TIANHE_UNITS);
        int[] staff = StaffAllocator.allocate(classes, staffTarget, random);
        Lifecycle[] lifecycles = lifecycles(units, random);
        BearerAddresses addresses = new BearerAddresses(random);
        int[] perStreet = Apportion.largestRemainder(streetWeights(), units);
        int width = Math.max(4, Integer.toString(units).length());

        List<Unit> out = new ArrayList<>(units);
        int index = 0;
        for (int s = 0; s < perStreet.length; s++) {
            TianheStreet street = TianheStreet.ALL.get(s);
            for (int k = 0; k < perStreet[s]; k++, index++) {
                String number = String.format(Locale.ROOT, "%0" + width + "d", index + 1);
                UnitClass unitClass = classes.get(index);
                out.add(new Unit(
                        "TH-" + number,
                        UnitNames.name(street.name(), unitClass, k + 1, random),
                        unitClass,
                        street.name(),
                        round6(clamp(street.lat() + random.nextGaussian() * CLUSTER_SD_DEGREES, MIN_LAT, MAX_LAT)),
                        round6(clamp(street.lon() + random.nextGaussian() * CLUSTER_SD_DEGREES, MIN_LON, MAX_LON)),
                        addresses.nextDmrId(),
                        addresses.nextIssi(),
                        addresses.nextFleetsyncId(),
                        "u" + number,
                        lifecycles[index],
                        staff[index]));
            }
        }
        return List.copyOf(out);
    }

    private static List<UnitClass> shuffledClasses(int units, Random random) {
        int[] counts = Apportion.largestRemainder(TIANHE_CLASS_SIZES, units);
        List<UnitClass> classes = new ArrayList<>(units);
        for (UnitClass c : UnitClass.values()) {
            classes.addAll(Collections.nCopies(counts[c.ordinal()], c));
        }
        Collections.shuffle(classes, random);
        return classes;
    }

    private static Lifecycle[] lifecycles(int units, Random random) {
        Lifecycle[] out = new Lifecycle[units];
        java.util.Arrays.fill(out, Lifecycle.ACTIVE);
        List<Integer> order = new ArrayList<>(units);
        for (int i = 0; i < units; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int onLeave = (int) Math.round(units * ON_LEAVE_SHARE);
        int deactivated = (int) Math.round(units * DEACTIVATED_SHARE);
        for (int i = 0; i < onLeave + deactivated && i < units; i++) {
            out[order.get(i)] = i < onLeave ? Lifecycle.ON_LEAVE : Lifecycle.DEACTIVATED;
        }
        return out;
    }

    private static int[] streetWeights() {
        return TianheStreet.ALL.stream().mapToInt(TianheStreet::weight).toArray();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
