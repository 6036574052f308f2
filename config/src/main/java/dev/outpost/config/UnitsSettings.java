package dev.outpost.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where the unit registry CSV lives, already resolved against the config file's directory. */
public record UnitsSettings(Path file) {
    public UnitsSettings {
        Objects.requireNonNull(file, "file");
    }
}
