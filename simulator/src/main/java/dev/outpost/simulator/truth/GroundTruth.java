package dev.outpost.simulator.truth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What really happened in the simulated world: every call a unit received and every reply it sent,
 * with monotonic instants. Thread-safe. Memory is bounded: after {@code maxEntries} entries further
 * ones are only counted (and still written to the file); per-unit first instants are always kept.
 */
public final class GroundTruth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroundTruth.class);
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private final int maxEntries;
    private final BufferedWriter writer;
    private final List<TruthEntry> entries = new ArrayList<>();
    private final Map<String, Long> firstCallRecv = new HashMap<>();
    private final Map<String, Long> firstReplySend = new HashMap<>();
    private long overflow;
    private boolean writeFailed;
    private boolean closed;

    private GroundTruth(int maxEntries, BufferedWriter writer) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0");
        }
        this.maxEntries = maxEntries;
        this.writer = writer;
    }

    public static GroundTruth inMemory(int maxEntries) {
        return new GroundTruth(maxEntries, null);
    }

    /** Also appends each entry as a JSON line to {@code file} (truncated first), flushed on close. */
    public static GroundTruth toFile(Path file, int maxEntries) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new GroundTruth(maxEntries, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    public synchronized void record(TruthEntry entry) {
        if (entry instanceof TruthEntry.CallReceived c) {
            firstCallRecv.putIfAbsent(c.unitId(), c.recvMonoNanos());
        } else if (entry instanceof TruthEntry.ReplySent s) {
            firstReplySend.putIfAbsent(s.unitId(), s.sendMonoNanos());
        } else if (entry instanceof TruthEntry.DmrDelivered d) {
            firstCallRecv.putIfAbsent(d.unitId(), d.reachMonoNanos());
        } else if (entry instanceof TruthEntry.DmrReplied r) {
            firstReplySend.putIfAbsent(r.unitId(), r.airStartMonoNanos());
        }
        if (entries.size() < maxEntries) {
            entries.add(entry);
        } else {
            overflow++;
        }
        writeLine(entry);
    }

    /**
     * First reply send instant minus first call receive instant over all of a unit's calls: what
     * the gateway should measure as the unit's latency, less loopback transport time. Over DMR it is
     * the first answer burst's air start minus the first request's reach at the radio (air time excluded).
     */
    public synchronized OptionalLong firstReplyDelayNanos(String unitId) {
        Long recv = firstCallRecv.get(unitId);
        Long send = firstReplySend.get(unitId);
        return recv == null || send == null ? OptionalLong.empty() : OptionalLong.of(send - recv);
    }

    public synchronized OptionalLong firstCallReceiveNanos(String unitId) {
        Long recv = firstCallRecv.get(unitId);
        return recv == null ? OptionalLong.empty() : OptionalLong.of(recv);
    }

    /** A snapshot of the retained entries, in recording order. */
    public synchronized List<TruthEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized <T extends TruthEntry> List<T> entries(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Entries not retained in memory because the bound was reached. */
    public synchronized long overflow() {
        return overflow;
    }

    /** Forgets everything in memory (for a fresh muster in the same run); the file keeps all. */
    public synchronized void clear() {
        entries.clear();
        firstCallRecv.clear();
        firstReplySend.clear();
        overflow = 0;
    }

    public synchronized void flush() {
        if (writer != null && !closed && !writeFailed) {
            try {
                writer.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing ground-truth file", e);
            }
        }
    }

    private void writeLine(TruthEntry entry) {
        if (writer == null || closed || writeFailed) {
            return;
        }
        try {
            writer.write(TruthJson.line(entry));
            writer.newLine();
        } catch (IOException e) {
            fail(e);
        }
    }

    /** A full disk must not take down the server's event loop: log once and keep memory only. */
    private void fail(IOException e) {
        writeFailed = true;
        LOG.error("ground-truth file write failed; continuing in memory only", e);
    }
}
