package dev.outpost.simulator.registry;

import dev.outpost.config.registry.UnitClass;
import java.util.List;
import java.util.Random;

/**
 * Staff per unit: a class-dependent random head count, nudged so that the district total hits a
 * target (the real Tianhe figure is 18,365 staff across 2,702 units).
 */
final class StaffAllocator {
    private StaffAllocator() {
    }

    /** Head-count bounds per class: A guards big sites with a full team, D is a small post. */
    private static final int[][] BOUNDS = {{8, 12}, {6, 9}, {4, 7}, {3, 5}};

    static int min(UnitClass c) {
        return BOUNDS[c.ordinal()][0];
    }

    static int max(UnitClass c) {
        return BOUNDS[c.ordinal()][1];
    }

    static int[] allocate(List<UnitClass> classes, int targetTotal, Random random) {
        int n = classes.size();
        int[] staff = new int[n];
        long total = 0;
        long lowest = 0;
        long highest = 0;
        for (int i = 0; i < n; i++) {
            UnitClass c = classes.get(i);
            staff[i] = min(c) + random.nextInt(max(c) - min(c) + 1);
            total += staff[i];
            lowest += min(c);
            highest += max(c);
        }
        long target = Math.max(lowest, Math.min(highest, targetTotal));
        // Each step moves one unit by one person within its class bounds; random picks keep the
        // correction spread out instead of piling onto the first units.
        while (total != target) {
            int i = random.nextInt(n);
            UnitClass c = classes.get(i);
            if (total < target && staff[i] < max(c)) {
                staff[i]++;
                total++;
            } else if (total > target && staff[i] > min(c)) {
                staff[i]--;
                total--;
            }
        }
        return staff;
    }
}
