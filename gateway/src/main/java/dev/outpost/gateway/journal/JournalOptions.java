package dev.outpost.gateway.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the journal lives and how its writer batches.
 *
 * @param file          the SQLite database file; parent directories are created on open
 * @param nativeLibDir  where sqlite-jdbc extracts its native library (default: java.io.tmpdir, which
 *                      may be mounted noexec on hardened hosts)
 * @param maxBatch      most write ops committed in one transaction
 * @param queueCapacity most write ops waiting for the writer; {@link Journal#write} blocks beyond it
 */
public record JournalOptions(Path file, Optional<Path> nativeLibDir, int maxBatch, int queueCapacity) {

    public static final int DEFAULT_MAX_BATCH = 4096;
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    public JournalOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(nativeLibDir, "nativeLibDir (use Optional.empty())");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
    }

    public static JournalOptions defaults(Path file) {
        return new JournalOptions(file, Optional.empty(), DEFAULT_MAX_BATCH, DEFAULT_QUEUE_CAPACITY);
    }

    public JournalOptions withNativeLibDir(Path dir) {
        return new JournalOptions(file, Optional.of(dir), maxBatch, queueCapacity);
    }

    public JournalOptions withMaxBatch(int ops) {
        return new JournalOptions(file, nativeLibDir, ops, queueCapacity);
    }

    public JournalOptions withQueueCapacity(int ops) {
        return new JournalOptions(file, nativeLibDir, maxBatch, ops);
    }
}
