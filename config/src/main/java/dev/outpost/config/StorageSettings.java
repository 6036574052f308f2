package dev.outpost.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gateway keeps its durable state, and how much undelivered MQTT it may hold.
 *
 * @param stateDir       the service's state directory; the journal is {@code <stateDir>/journal.db}. Empty means
 *                       the default, decided where the process environment is known (see docs/config.md)
 * @param nativeLibDir   where SQLite's native library is extracted; empty means {@code <stateDir>/native}
 * @param outboxMaxMessages undelivered durable messages kept at most; beyond it the oldest are evicted (with an alarm)
 * @param outboxMaxAge   undelivered durable messages older than this are evicted (with an alarm)
 * @param outboxMemoryMessages messages held in memory for publishing; more wait on disk only
 */
public record StorageSettings(
        Optional<Path> stateDir,
        Optional<Path> nativeLibDir,
        long outboxMaxMessages,
        Duration outboxMaxAge,
        int outboxMemoryMessages) {

    public static final long DEFAULT_OUTBOX_MAX_MESSAGES = 1_000_000;
    public static final Duration DEFAULT_OUTBOX_MAX_AGE = Duration.ofDays(7);
    public static final int DEFAULT_OUTBOX_MEMORY_MESSAGES = 10_000;

    public StorageSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(nativeLibDir, "nativeLibDir");
        Objects.requireNonNull(outboxMaxAge, "outboxMaxAge");
    }

    public static StorageSettings defaults() {
        return new StorageSettings(Optional.empty(), Optional.empty(), DEFAULT_OUTBOX_MAX_MESSAGES,
                DEFAULT_OUTBOX_MAX_AGE, DEFAULT_OUTBOX_MEMORY_MESSAGES);
    }
}
