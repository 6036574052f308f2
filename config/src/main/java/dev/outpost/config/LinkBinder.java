package dev.outpost.config;

import java.util.Optional;

/**
 * Binds the keys of one link type. Adding a link type means adding a {@link LinkSettings}
 * record, a binder, and an entry in {@link LinksBinder#BINDERS}.
 */
interface LinkBinder {
    /** The {@code type:} value this binder handles. */
    String type();

    /**
     * Reads the type's own keys ({@code id} and {@code type} are already read) and returns the
     * settings, or empty if any of them was wrong (the problems are already reported).
     */
    Optional<LinkSettings> bind(String id, MapReader link);
}
