package dev.outpost.simulator.behaviour;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The simulated population on the PoC network: every unit with a PoC user, with traits rolled
 * from a seed. Each unit's traits and delays come from its own stream derived from the seed and its
 * unit id, so adding a unit or calling units in another order does not change anyone else.
 */
public final class BehaviourModel {
    private final Map<String, UnitBehaviour> byUser;

    private BehaviourModel(Map<String, UnitBehaviour> byUser) {
        this.byUser = byUser;
    }

    public static BehaviourModel create(List<Unit> units, BehaviourOptions options, long seed) {
        return create(units, options, seed, Bearer.POC);
    }

    /**
     * The units reachable on {@code bearer} (those with an address on it), keyed by that address: the PoC user,
     * the ISSI or the FleetSync id. A unit's traits and delays depend only on the seed and its unit id, so it
     * behaves alike on every bearer.
     */
    public static BehaviourModel create(List<Unit> units, BehaviourOptions options, long seed, Bearer bearer) {
        Map<String, UnitBehaviour> byUser = new LinkedHashMap<>();
        for (UnitBehaviour b : roll(units, options, seed,
                u -> u.address(bearer).filter(a -> !a.isBlank()).isPresent())) {
            byUser.put(b.unit().address(bearer).orElseThrow(), b);
        }
        return new BehaviourModel(Collections.unmodifiableMap(byUser));
    }

    /**
     * Rolls the traits of the units {@code include} accepts (e.g. those with a DMR id), in registry order. A unit
     * gets the same traits here as in {@link #create} for the same seed, since both come from its own stream.
     */
    public static List<UnitBehaviour> roll(List<Unit> units, BehaviourOptions options, long seed,
            Predicate<Unit> include) {
        List<UnitBehaviour> out = new ArrayList<>();
        for (Unit unit : units) {
            if (!include.test(unit)) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(unitSeed(seed, unit.unitId()));
            boolean online = unit.lifecycle() == Lifecycle.ACTIVE && random.nextDouble() < options.onlineFraction();
            double roll = random.nextDouble();
            Answering answering = roll < options.neverAnswerFraction() ? Answering.NEVER
                    : roll < options.neverAnswerFraction() + options.lateFraction() ? Answering.LATE
                    : Answering.PROMPT;
            out.add(new UnitBehaviour(unit, online, answering, options, random));
        }
        return out;
    }

    /** The unit with this address on the model's bearer (for PoC the same as {@link #byUser}). */
    public Optional<UnitBehaviour> byAddress(String address) {
        return Optional.ofNullable(byUser.get(address));
    }

    public Optional<UnitBehaviour> byUser(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    /** All units on the PoC network, in registry order. */
    public List<UnitBehaviour> all() {
        return List.copyOf(byUser.values());
    }

    public List<UnitBehaviour> online() {
        List<UnitBehaviour> out = new ArrayList<>();
        for (UnitBehaviour b : byUser.values()) {
            if (b.online()) {
                out.add(b);
            }
        }
        return out;
    }

    /** Mixes the seed with the unit id (String.hashCode is specified, so this is stable). */
    private static long unitSeed(long seed, String unitId) {
        long h = seed * 0x9E3779B97F4A7C15L + unitId.hashCode();
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
