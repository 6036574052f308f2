package dev.outpost.gateway.units;

import java.util.concurrent.CompletableFuture;

/** Where registry changes are kept so that they survive a restart (the journal's unit overlay). */
@FunctionalInterface
public interface UnitStore {
    /** Completes once the change is durable; fails if it could not be stored. */
    CompletableFuture<Void> save(UnitChange change);

    /** Keeps nothing: changes are lost on restart. */
    UnitStore NONE = change -> CompletableFuture.completedFuture(null);
}
