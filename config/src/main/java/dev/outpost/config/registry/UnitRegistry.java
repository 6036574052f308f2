package dev.outpost.config.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the unit registry with lookups by unit id and by bearer address.
 *
 * <p>Construction assumes the rows were validated (unique unit ids and addresses); a duplicate
 * here is a programming error, reported with {@link IllegalArgumentException}.
 */
public final class UnitRegistry {
    private final Map<String, Unit> byId;
    private final Map<Bearer, Map<String, Unit>> byAddress = new EnumMap<>(Bearer.class);

    public UnitRegistry(List<Unit> units) {
        Map<String, Unit> ids = new LinkedHashMap<>();
        for (Bearer b : Bearer.values()) {
            byAddress.put(b, new HashMap<>());
        }
        for (Unit u : units) {
            if (ids.putIfAbsent(u.unitId(), u) != null) {
                throw new IllegalArgumentException("duplicate unit id " + u.unitId());
            }
            u.addresses().forEach((bearer, address) -> {
                Unit clash = byAddress.get(bearer).putIfAbsent(address, u);
                if (clash != null) {
                    throw new IllegalArgumentException("duplicate " + bearer.wireName() + " address " + address
                            + " on units " + clash.unitId() + " and " + u.unitId());
                }
            });
        }
        this.byId = Collections.unmodifiableMap(ids);
    }

    public static UnitRegistry empty() {
        return new UnitRegistry(List.of());
    }

    public Optional<Unit> byId(String unitId) {
        return Optional.ofNullable(byId.get(unitId));
    }

    public Optional<Unit> byAddress(Bearer bearer, String address) {
        return Optional.ofNullable(byAddress.get(bearer).get(address));
    }

    /** All units in registry (file) order. */
    public List<Unit> units() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
