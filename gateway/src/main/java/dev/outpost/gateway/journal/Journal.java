package dev.outpost.gateway.journal;

import java.nio.file.Path;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outpost's durable record: one SQLite file in WAL mode with {@code synchronous=FULL}.
 *
 * <p>Writes go through {@link #write}: a single writer thread runs them in submission order, many per
 * transaction (group commit), and completes each future only after the COMMIT that made it durable.
 * Futures complete on the writer thread, so a callback attached with a non-async method runs there:
 * keep such callbacks short, or use the *Async variants. Reads go through {@link #read} on a separate
 * connection, which in WAL mode never waits for the writer.
 */
public final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    static final String WRITER_THREAD_NAME = "outpost-journal";

    private final Path file;
    private final WriteQueue queue;
    private final WriterCounters counters;
    private final Thread writerThread;
    private final Connection reader;
    private final Object readLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Journal(Path file, WriteQueue queue, WriterCounters counters, Thread writerThread, Connection reader) {
        this.file = file;
        this.queue = queue;
        this.counters = counters;
        this.writerThread = writerThread;
        this.reader = reader;
    }

    /**
     * Loads SQLite's native library, extracted into {@code dir} when given, for code that opens its own connection
     * to a journal (a read-only one, for inspection) without opening a {@code Journal}.
     */
    public static void loadNativeLibrary(Optional<Path> dir) throws JournalException {
        SqliteFiles.loadNativeLibrary(dir);
    }

    public static Journal open(JournalOptions options) throws JournalException {
        return open(options, JournalSchema.current());
    }

    /** Opens with a given schema; for tests of migrations. */
    static Journal open(JournalOptions options, JournalSchema schema) throws JournalException {
        SqliteFiles.loadNativeLibrary(options.nativeLibDir());
        Path file = SqliteFiles.prepareFile(options.file());
        Connection writer = null;
        Connection reader = null;
        try {
            writer = SqliteFiles.open(file);
            schema.checkNotNewer(SqliteFiles.userVersion(writer), file);
            SqliteFiles.configureWriter(writer, file);
            schema.migrate(writer, file);
            reader = SqliteFiles.open(file);
            SqliteFiles.configureReader(reader);
            WriteQueue queue = new WriteQueue(options.queueCapacity());
            WriterCounters counters = new WriterCounters();
            GroupCommitWriter loop = new GroupCommitWriter(writer, queue, options.maxBatch(), counters);
            Thread thread = new Thread(loop, WRITER_THREAD_NAME);
            queue.consumer(thread);
            thread.start();
            log.info("Journal open: {} (schema version {})", file, schema.latestVersion());
            return new Journal(file, queue, counters, thread, reader);
        } catch (SQLException e) {
            SqliteFiles.closeQuietly(reader);
            SqliteFiles.closeQuietly(writer);
            throw SqliteFiles.openFailure(file, e);
        } catch (JournalException | RuntimeException e) {
            SqliteFiles.closeQuietly(reader);
            SqliteFiles.closeQuietly(writer);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Queues an op for the writer thread; the future completes after the COMMIT that made it durable,
     * or fails with the op's own exception, or with a {@link JournalException} if the commit failed.
     * Blocks while the queue is full, except on the writer thread itself (a completion callback that
     * writes again), which must never wait for its own queue. After {@link #close} the future fails
     * with IllegalStateException.
     */
    public <T> CompletableFuture<T> write(WriteOp<T> op) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed.get()) {
            future.completeExceptionally(new IllegalStateException("journal closed"));
            return future;
        }
        try {
            if (!queue.put(new PendingWrite<>(op, future))) {
                future.completeExceptionally(new IllegalStateException("journal closed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(new JournalException(
                    "interrupted while waiting for room in the journal's write queue; the op was not queued", e));
        }
        return future;
    }

    /** Runs a query in one read transaction (a consistent snapshot); reads from many threads take turns. */
    public <T> T read(ReadOp<T> op) throws JournalException {
        synchronized (readLock) {
            if (closed.get()) {
                throw new JournalException("journal closed: " + file + " can no longer be read through it");
            }
            try (Statement control = reader.createStatement()) {
                control.execute("BEGIN");
                try {
                    return op.apply(reader);
                } finally {
                    control.execute("COMMIT");
                }
            } catch (SQLException e) {
                throw new JournalException("reading the journal " + file + " failed (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Whether the writer thread still runs; false once {@link #close} has returned. */
    public boolean writerAlive() {
        return writerThread.isAlive();
    }

    /** Whether writes are taken now: not closed, and the writer thread still runs. */
    public boolean writable() {
        return !closed.get() && writerThread.isAlive();
    }

    public JournalStats stats() {
        return counters.snapshot(queue.size(), queue.blockedPuts());
    }

    /** Commits everything already queued, stops the writer thread and closes the file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.close();
        if (Thread.currentThread() != writerThread) {
            boolean interrupted = false;
            while (writerThread.isAlive()) {
                try {
                    writerThread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // finish draining: queued ops were promised a commit or a failure
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (readLock) {
            SqliteFiles.closeQuietly(reader);
        }
        log.info("Journal closed: {} ({})", file, stats());
    }
}
