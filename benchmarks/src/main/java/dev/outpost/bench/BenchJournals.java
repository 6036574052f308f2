package dev.outpost.bench;

import dev.outpost.gateway.journal.AckRow;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A throw-away journal on a real disk and realistic ack rows for the benchmarks. */
final class BenchJournals {

    /** Where benchmark databases go: -Doutpost.bench.dir, else /tmp (a disk here; /dev/shm would not fsync). */
    static Path directory() {
        Path dir = Path.of(System.getProperty("outpost.bench.dir", "/tmp"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create benchmark directory " + dir, e);
        }
    }

    static Journal open(Path file, int maxBatch) throws JournalException {
        return Journal.open(JournalOptions.defaults(file).withMaxBatch(maxBatch));
    }

    /** Removes the database and its WAL and shared-memory files. */
    static void delete(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                System.err.println("could not delete " + file + suffix + ": " + e);
            }
        }
    }

    /** An ack as the muster engine would record it: every column set, timestamps to the nanosecond. */
    static AckRow ack(String musterId, long unit) {
        Instant received = Instant.now();
        return new AckRow(musterId, "unit-" + unit, musterId + "-" + unit, "ack", "ok", 4, 1, "hxt-1", "PoC",
                received.minusNanos(37_000_000 + unit % 1000), received, 37_000_000 + unit % 1000, false,
                received.plusNanos(1500));
    }

    private BenchJournals() {
    }
}
