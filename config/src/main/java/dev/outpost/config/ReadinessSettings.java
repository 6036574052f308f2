package dev.outpost.config;

import java.time.Duration;
import java.util.Objects;

/** @param window how far back readiness scores look (a rolling window of musters and drills) */
public record ReadinessSettings(Duration window) {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    public ReadinessSettings {
        Objects.requireNonNull(window, "window");
    }
}
