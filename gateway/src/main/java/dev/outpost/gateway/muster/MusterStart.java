package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a muster was started from, so that it can be rebuilt exactly after a restart: the accepted request,
 * the links as they were at that instant, and the registry rows of every unit it planned (targets and exclusions).
 *
 * @param startedAt the wall-clock start; after a restart it maps the muster's monotonic timeline onto the new one
 */
public record MusterStart(String musterId, MusterRequest request, List<MusterLink> links, List<Unit> units,
                          Instant startedAt) {
    public MusterStart {
        Objects.requireNonNull(musterId, "musterId");
        Objects.requireNonNull(request, "request");
        links = List.copyOf(links);
        units = List.copyOf(units);
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
