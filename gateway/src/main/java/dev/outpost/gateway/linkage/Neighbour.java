package dev.outpost.gateway.linkage;

import dev.outpost.config.registry.Unit;
import java.util.Comparator;

/** A unit and its great-circle distance to a point, during a search. */
record Neighbour(Unit unit, double distanceMetres) {
    /** The selection order: nearer first, then the smaller unit id, so that ties are deterministic. */
    static final Comparator<Neighbour> RANK = Comparator.comparingDouble(Neighbour::distanceMetres)
            .thenComparing(n -> n.unit().unitId());

    static Neighbour of(Unit point, Unit unit) {
        return new Neighbour(unit, GreatCircle.distanceMetres(point.lat(), point.lon(), unit.lat(), unit.lon()));
    }
}
