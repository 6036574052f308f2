package dev.outpost.config.registry;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One minimum emergency unit, as one row of the registry CSV.
 *
 * <p>Not every unit has every bearer: an absent address is {@code null} in the record and
 * {@link Optional#empty()} from {@link #address(Bearer)}. Latitude and longitude are either both
 * present or both absent.
 */
public record Unit(
        String unitId,
        String name,
        UnitClass unitClass,
        String street,
        Double lat,
        Double lon,
        Integer dmrId,
        Long issi,
        String fleetsyncId,
        String pocUser,
        Lifecycle lifecycle,
        int staff) {

    public Unit {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitClass, "unitClass");
        Objects.requireNonNull(lifecycle, "lifecycle");
        name = name == null ? "" : name;
        street = street == null ? "" : street;
    }

    /** The unit's address on a bearer, as the text form used on that network. */
    public Optional<String> address(Bearer bearer) {
        return Optional.ofNullable(switch (bearer) {
            case POC -> pocUser;
            case DMR -> dmrId == null ? null : dmrId.toString();
            case TETRA -> issi == null ? null : issi.toString();
            case FLEETSYNC -> fleetsyncId;
        });
    }

    /** Every bearer on which this unit has an address, in enum order. */
    public Map<Bearer, String> addresses() {
        Map<Bearer, String> out = new EnumMap<>(Bearer.class);
        for (Bearer b : Bearer.values()) {
            address(b).ifPresent(a -> out.put(b, a));
        }
        return out;
    }

    public boolean hasPosition() {
        return lat != null && lon != null;
    }

    public Unit withLifecycle(Lifecycle newLifecycle) {
        return new Unit(unitId, name, unitClass, street, lat, lon, dmrId, issi, fleetsyncId, pocUser,
                newLifecycle, staff);
    }
}
