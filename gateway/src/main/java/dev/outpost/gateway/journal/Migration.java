package dev.outpost.gateway.journal;

import java.util.List;
import java.util.Objects;

/**
 * One step of the journal schema: the statements that take a file from {@code version - 1} to
 * {@code version}. Applied once, in its own transaction, recorded in {@code PRAGMA user_version}.
 */
public record Migration(int version, String description, List<String> statements) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }
}
