package dev.outpost.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the unit registry CSV lives, already resolved against the config file's directory.
 *
 * @param bounds where units may be: positions given over MQTT outside it are refused (empty: anywhere)
 */
public record UnitsSettings(Path file, Optional<GeoBounds> bounds) {
    public UnitsSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bounds, "bounds");
    }

    public UnitsSettings(Path file) {
        this(file, Optional.empty());
    }
}
