package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random registries shaped to stress a nearest-units search: whole-sphere spreads, the
 * antimeridian, the poles, tight clusters with duplicate positions, and grids full of exact ties.
 * Unit ids are random, so id order says nothing about position.
 */
final class RandomRegistries {
    enum Shape { SPHERE, ANTIMERIDIAN, POLES, CLUSTERS, GRID, SAME_PLACE }

    private RandomRegistries() {
    }

    static UnitRegistry generate(SplittableRandom random, Shape shape, int size) {
        List<double[]> centres = new ArrayList<>();
        for (int c = 0; c < 1 + random.nextInt(4); c++) {
            centres.add(new double[] {random.nextDouble(-80, 80), random.nextDouble(-180, 180)});
        }
        Set<String> ids = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        List<double[]> placed = new ArrayList<>();
        while (units.size() < size) {
            String id = String.format(Locale.ROOT, "U%05d", random.nextInt(100_000));
            if (!ids.add(id)) {
                continue;
            }
            double[] at = random.nextInt(10) == 0 && !placed.isEmpty()
                    ? placed.get(random.nextInt(placed.size())) // a duplicate position
                    : position(random, shape, centres);
            placed.add(at);
            boolean hasPosition = random.nextInt(20) != 0;
            units.add(unit(id, hasPosition ? at[0] : null, hasPosition ? at[1] : null, lifecycle(random)));
        }
        return new UnitRegistry(units);
    }

    static Unit unit(String id, Double lat, Double lon, Lifecycle lifecycle) {
        return new Unit(id, id, UnitClass.A, "street", lat, lon, null, null, null, null, lifecycle, 1);
    }

    private static Lifecycle lifecycle(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 80 ? Lifecycle.ACTIVE : roll < 92 ? Lifecycle.ON_LEAVE : Lifecycle.DEACTIVATED;
    }

    private static double[] position(SplittableRandom random, Shape shape, List<double[]> centres) {
        return switch (shape) {
            case SPHERE -> random.nextInt(8) == 0
                    ? new double[] {0, random.nextBoolean() ? 0 : 180} // antipodal pairs
                    : new double[] {Math.toDegrees(Math.asin(random.nextDouble(-1, 1))), random.nextDouble(-180, 180)};
            case ANTIMERIDIAN -> new double[] {random.nextDouble(-1, 1),
                    random.nextBoolean() ? random.nextDouble(179.9, 180) : random.nextDouble(-180, -179.9)};
            case POLES -> new double[] {(random.nextBoolean() ? 1 : -1) * (random.nextInt(5) == 0 ? 90 : random.nextDouble(89.9, 90)),
                    random.nextInt(5) == 0 ? 180 : random.nextDouble(-180, 180)};
            case CLUSTERS -> {
                double[] c = centres.get(random.nextInt(centres.size()));
                yield new double[] {c[0] + gaussian(random) * 1e-3, c[1] + gaussian(random) * 1e-3};
            }
            case GRID -> new double[] {23.1 + random.nextInt(12) * 0.001, 113.3 + random.nextInt(12) * 0.001};
            case SAME_PLACE -> new double[] {23.125, 113.325};
        };
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(random.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
