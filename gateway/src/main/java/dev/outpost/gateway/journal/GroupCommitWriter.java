package dev.outpost.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's single writer: takes what is queued (at least one op, at most maxBatch, never waiting
 * for more), runs it in one transaction and commits once, so one fsync covers the whole batch. Under
 * light load a batch is one op (lowest latency); under heavy load batches grow with the queue.
 *
 * <p>Runs on its own thread and owns the writer connection, which it closes when the queue is done.
 */
final class GroupCommitWriter implements Runnable, WriteContext {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Connection connection;
    private final WriteQueue queue;
    private final int maxBatch;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final WriterCounters counters;
    private boolean commitFailing;

    GroupCommitWriter(Connection connection, WriteQueue queue, int maxBatch, WriterCounters counters)
            throws SQLException {
        this.connection = connection;
        // The driver then keeps a deferred transaction open (it takes no lock until the first write) and
        // commit() ends one and opens the next. With auto-commit on it would instead try a BEGIN after
        // every statement to find out whether one is needed.
        connection.setAutoCommit(false);
        this.queue = queue;
        this.maxBatch = maxBatch;
        this.counters = counters;
    }

    @Override
    public void run() {
        List<PendingWrite<?>> batch = new ArrayList<>(maxBatch);
        try {
            while (queue.take(batch, maxBatch) > 0) {
                try {
                    runBatch(batch);
                } catch (Throwable t) { // keep the writer alive whatever an op throws
                    log.error("Journal writer hit an unexpected error; failing a batch of {} ops", batch.size(), t);
                    rollbackQuietly();
                    failAll(batch, t);
                }
                batch.clear();
            }
        } finally {
            closeConnection();
        }
    }

    @Override
    public PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement cached = statements.get(sql);
        if (cached == null) {
            cached = connection.prepareStatement(sql);
            statements.put(sql, cached);
        }
        return cached;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    private void runBatch(List<PendingWrite<?>> batch) {
        Object[] results = new Object[batch.size()];
        for (int i = 0; i < results.length; i++) {
            try {
                results[i] = batch.get(i).op().apply(this);
            } catch (Exception opFailure) {
                rollbackQuietly();
                if (batch.size() == 1) {
                    fail(batch.get(0), opFailure);
                } else {
                    batch.forEach(this::runAlone);
                }
                return;
            }
        }
        if (commit(batch)) {
            for (int i = 0; i < results.length; i++) {
                batch.get(i).complete(results[i]);
            }
        }
    }

    /** After a batch-mate failed: its own transaction, so only a bad op fails. */
    private void runAlone(PendingWrite<?> write) {
        Object result;
        try {
            result = write.op().apply(this);
        } catch (Exception opFailure) {
            rollbackQuietly();
            fail(write, opFailure);
            return;
        }
        if (commit(List.of(write))) {
            write.complete(result);
        }
    }

    private boolean commit(List<PendingWrite<?>> batch) {
        long start = System.nanoTime();
        try {
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            commitFailed(batch, e);
            return false;
        }
        counters.committed(batch.size(), System.nanoTime() - start);
        if (commitFailing) {
            commitFailing = false;
            log.info("Journal commits succeed again");
        }
        return true;
    }

    private void commitFailed(List<PendingWrite<?>> batch, SQLException e) {
        counters.commitFailed();
        if (!commitFailing) {
            commitFailing = true;
            log.error("Journal could not commit ({}); {} ops failed. Check free disk space and the disk's health; "
                    + "the writer keeps trying with the next ops", e.getMessage(), batch.size(), e);
        }
        failAll(batch, new JournalException("journal could not commit (" + e.getMessage()
                + "); check free disk space and that the journal file is writable", e));
    }

    private void failAll(List<PendingWrite<?>> batch, Throwable cause) {
        batch.forEach(write -> fail(write, cause));
    }

    private void fail(PendingWrite<?> write, Throwable cause) {
        counters.failed();
        write.fail(cause);
    }

    /**
     * SQLite may already have rolled back by itself (e.g. after an I/O error); then ROLLBACK errs
     * and the driver does not open the next transaction, so open it here.
     */
    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Journal rollback found nothing to undo: {}", e.getMessage());
            try (Statement begin = connection.createStatement()) {
                begin.execute("BEGIN");
            } catch (SQLException stillInTransaction) {
                log.debug("Journal transaction still open: {}", stillInTransaction.getMessage());
            }
        }
    }

    private void closeConnection() {
        statements.values().forEach(SqliteFiles::closeQuietly);
        statements.clear();
        SqliteFiles.closeQuietly(connection);
    }
}
