package dev.outpost.simulator.registry;

import java.util.Locale;
import java.util.Random;

/**
 * Hands out radio addresses for a realistic subset of units. Each address space is walked upwards
 * with small random gaps, so addresses look irregular yet are unique by construction.
 */
final class BearerAddresses {
    /** Shares of units carrying each radio type (every unit has a PoC account). */
    static final double DMR_SHARE = 0.65;
    static final double TETRA_SHARE = 0.20;
    static final double FLEETSYNC_SHARE = 0.10;

    /** Chinese DMR ids conventionally start with the 460 country prefix. */
    private static final int DMR_BASE = 4_600_000;
    private static final long ISSI_BASE = 1_000_000;
    static final int FLEET_MIN = 100;
    static final int FLEET_MAX = 349;
    static final int FLEET_UNIT_MIN = 1000;
    static final int FLEET_UNIT_MAX = 4999;
    private static final int FLEET_UNITS = FLEET_UNIT_MAX - FLEET_UNIT_MIN + 1;

    private final Random random;
    private int dmr = DMR_BASE;
    private long issi = ISSI_BASE;
    private int fleetsync = -1;

    BearerAddresses(Random random) {
        this.random = random;
    }

    Integer nextDmrId() {
        if (random.nextDouble() >= DMR_SHARE) {
            return null;
        }
        dmr += 1 + random.nextInt(3);
        return dmr;
    }

    Long nextIssi() {
        if (random.nextDouble() >= TETRA_SHARE) {
            return null;
        }
        issi += 1 + random.nextInt(3);
        return issi;
    }

    String nextFleetsyncId() {
        if (random.nextDouble() >= FLEETSYNC_SHARE) {
            return null;
        }
        fleetsync += 1 + random.nextInt(3);
        int fleet = FLEET_MIN + fleetsync / FLEET_UNITS;
        if (fleet > FLEET_MAX) {
            throw new IllegalStateException("FleetSync address space exhausted");
        }
        return String.format(Locale.ROOT, "%03d-%04d", fleet, FLEET_UNIT_MIN + fleetsync % FLEET_UNITS);
    }
}
