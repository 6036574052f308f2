package dev.outpost.config;

import java.util.List;
import java.util.Objects;

/** Logging: {@code level} is one of {@link #LEVELS}, in lower case. */
public record LogSettings(String level, LogFormat format) {
    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");
    public static final String DEFAULT_LEVEL = "info";
    public static final LogFormat DEFAULT_FORMAT = LogFormat.TEXT;

    public LogSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(format, "format");
    }
}
