package dev.outpost.gateway.units;

import dev.outpost.config.registry.Unit;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to the registry, as stored: the unit as it now is.
 *
 * @param leaveUntil when a leave ends by itself (null: no leave, or an open-ended one)
 * @param source     who changed it: {@code mqtt:<action>}, {@code leave ended}, ...
 * @param lifecycleChanged whether the lifecycle moved (such changes also go to the lifecycle history)
 */
public record UnitChange(Unit unit, Instant leaveUntil, Instant at, String source, boolean lifecycleChanged) {
    public UnitChange {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
