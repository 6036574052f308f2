package dev.outpost.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

    @TempDir
    Path dir;
    private Journal journal;

    @AfterEach
    void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void queuedOpsAreCommittedInBatchesInSubmissionOrder() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
        List<Long> executed = new ArrayList<>(); // touched only by the writer thread until the futures complete
        List<Long> completed = new ArrayList<>();
        Gate gate = Gate.holdWriter(journal);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long seq = 1; seq <= 10_000; seq++) {
            long s = seq;
            WriteOp<Void> append = OutboxStore.append(Rows.message(s, null, s));
            futures.add(journal.write(tx -> {
                executed.add(s);
                return append.apply(tx);
            }).thenRun(() -> completed.add(s)));
        }
        gate.release();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<Long> expected = LongStream.rangeClosed(1, 10_000).boxed().toList();
        assertEquals(expected, executed);
        assertEquals(expected, completed);
        assertEquals(expected, journal.read(OutboxStore.page(0, 20_000)).stream().map(OutboxRow::seq).toList());
        JournalStats stats = journal.stats();
        assertEquals(10_001, stats.committedOps());
        assertEquals(4, stats.transactions(), "gate alone, then 4096 + 4096 + 1808: " + stats);
        assertEquals(4096, stats.largestBatch());
        assertEquals(0, stats.failedOps());
    }

    @Test
    void aFailingOpFailsAloneAndItsBatchMatesCommit() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
        Gate gate = Gate.holdWriter(journal);
        CompletableFuture<Void> before = journal.write(OutboxStore.append(Rows.message(1, null, 1)));
        CompletableFuture<Void> duplicate = journal.write(OutboxStore.append(Rows.message(1, null, 2)));
        CompletableFuture<Void> after = journal.write(OutboxStore.append(Rows.message(2, null, 3)));
        gate.release();

        before.get(30, TimeUnit.SECONDS);
        after.get(30, TimeUnit.SECONDS);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> duplicate.get(30, TimeUnit.SECONDS));
        assertInstanceOf(SQLException.class, failure.getCause());
        List<OutboxRow> rows = journal.read(OutboxStore.page(0, 10));
        assertEquals(List.of(Rows.message(1, null, 1), Rows.message(2, null, 3)), rows);
        assertEquals(1, journal.stats().failedOps());
    }

    @Test
    void aFailedCommitFailsItsBatchAndTheWriterCarriesOn() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
        // A deferred foreign-key violation is only detected by COMMIT: a stand-in for a disk error there.
        WriteOp<Void> orphanTarget = tx -> {
            tx.connection().createStatement().execute("PRAGMA defer_foreign_keys = ON");
            tx.statement("INSERT INTO targets(muster_id, unit_id, unit_json) VALUES ('none', 'u1', '{}')")
                    .executeUpdate();
            return null;
        };
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> journal.write(orphanTarget).get(30, TimeUnit.SECONDS));
        assertInstanceOf(JournalException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("commit"), failure.getCause().getMessage());

        journal.write(OutboxStore.append(Rows.message(7, null, 1))).get(30, TimeUnit.SECONDS);
        assertEquals(1, journal.read(OutboxStore.depth()).rows());
        assertEquals(0, (int) journal.read(c -> SqliteFiles.pragmaInt(c, "SELECT count(*) FROM targets")));
        assertEquals(1, journal.stats().commitFailures());
    }

    @Test
    void closeCommitsEverythingQueued() throws Exception {
        Path file = dir.resolve("j.db");
        journal = Journal.open(JournalOptions.defaults(file));
        Gate gate = Gate.holdWriter(journal);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long seq = 1; seq <= 1_000; seq++) {
            futures.add(journal.write(OutboxStore.append(Rows.message(seq, null, seq))));
        }
        assertEquals(1_000, journal.stats().queued());
        gate.release();
        journal.close();

        futures.forEach(f -> assertTrue(f.isDone() && !f.isCompletedExceptionally()));
        assertFalse(journal.writerAlive());
        try (Journal reopened = Journal.open(JournalOptions.defaults(file))) {
            assertEquals(1_000, reopened.read(OutboxStore.depth()).rows());
        }
    }

    @Test
    void writeAfterCloseFailsAndCloseIsIdempotent() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
        journal.close();
        journal.close();

        CompletableFuture<Void> late = journal.write(OutboxStore.append(Rows.message(1, null, 1)));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> late.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("journal closed", failure.getCause().getMessage());
        assertThrows(JournalException.class, () -> journal.read(OutboxStore.depth()));
    }

    @Test
    void aWriterBlockedByAFullQueueResumesWhenThereIsRoom() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")).withQueueCapacity(2));
        Gate gate = Gate.holdWriter(journal);
        journal.write(OutboxStore.append(Rows.message(1, null, 1)));
        journal.write(OutboxStore.append(Rows.message(2, null, 2)));
        CompletableFuture<CompletableFuture<Void>> third = CompletableFuture.supplyAsync(
                () -> journal.write(OutboxStore.append(Rows.message(3, null, 3))));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (journal.stats().blockedWrites() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, journal.stats().blockedWrites());
        assertFalse(third.isDone(), "the third write must wait while the queue is full");
        gate.release();

        third.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(1L, 2L, 3L),
                journal.read(OutboxStore.page(0, 10)).stream().map(OutboxRow::seq).toList());
    }

    @Test
    void readsSeeOnlyCommittedWrites() throws Exception {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
        Gate gate = Gate.holdWriter(journal);
        CompletableFuture<Void> queued = journal.write(OutboxStore.append(Rows.message(1, null, 1)));
        assertEquals(0, journal.read(OutboxStore.depth()).rows());
        gate.release();
        queued.get(30, TimeUnit.SECONDS);
        assertEquals(1, journal.read(OutboxStore.depth()).rows());
    }
}
