package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Binds the {@code storage:} and {@code outbox:} sections. */
final class StorageBinder {
    private StorageBinder() {
    }

    static StorageSettings bind(MapReader root) {
        StorageSettings defaults = StorageSettings.defaults();
        Optional<Path> stateDir = Optional.empty();
        Optional<Path> nativeLibDir = Optional.empty();
        Optional<MapReader> storage = root.section("storage");
        if (storage.isPresent()) {
            MapReader r = storage.get();
            stateDir = directory(r, "state_dir");
            nativeLibDir = directory(r, "native_lib_dir");
            r.finish();
        }
        long maxMessages = defaults.outboxMaxMessages();
        Duration maxAge = defaults.outboxMaxAge();
        int memory = defaults.outboxMemoryMessages();
        Optional<MapReader> outbox = root.section("outbox");
        if (outbox.isPresent()) {
            MapReader r = outbox.get();
            maxMessages = Values.whole(r, "max_messages", 10, 100_000_000).orElse(maxMessages);
            maxAge = Values.duration(r, "max_age", maxAge, Duration.ofMinutes(1), Values.UNBOUNDED);
            memory = Values.whole(r, "memory_messages", 10, 1_000_000).map(Long::intValue).orElse(memory);
            r.finish();
        }
        return new StorageSettings(stateDir, nativeLibDir, maxMessages, maxAge, memory);
    }

    /** A directory path, resolved against the config file's directory; it is created at start if missing. */
    private static Optional<Path> directory(MapReader r, String key) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        if (scalar.get().isNull() || scalar.get().text().isBlank()) {
            r.context().error(scalar.get().mark(), "'" + key + "' is empty",
                    "give a directory path, or remove the key to use the default");
            return Optional.empty();
        }
        Path path = r.context().resolve(scalar.get().text());
        if (Files.exists(path) && !Files.isDirectory(path)) {
            r.context().error(scalar.get().mark(), "'" + key + "': " + scalar.get().text() + " is not a directory",
                    "resolved to " + path + "; relative paths start at the config file's directory");
        }
        return Optional.of(path);
    }
}
