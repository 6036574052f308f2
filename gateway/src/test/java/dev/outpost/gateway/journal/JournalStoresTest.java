package dev.outpost.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoresTest {

    @TempDir
    Path dir;
    private Journal journal;

    @BeforeEach
    void open() throws JournalException {
        journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private <T> T write(WriteOp<T> op) throws Exception {
        return journal.write(op).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAckIsInsertedOncePerUnitAndMuster() throws Exception {
        assertTrue(write(AckStore.insert(Rows.ack("m1", "u1", Rows.T0))));
        assertFalse(write(AckStore.insert(Rows.ack("m1", "u1", Rows.T0.plusSeconds(1)))));
        assertTrue(write(AckStore.insert(Rows.ack("m2", "u1", Rows.T0))));

        assertEquals(List.of(Rows.ack("m1", "u1", Rows.T0)), journal.read(AckStore.forMuster("m1")));
    }

    @Test
    void acksComeBackInReceiveOrderWithNanosecondsAndNulls() throws Exception {
        Instant whole = Instant.parse("2025-03-01T08:15:03Z");
        AckRow sparse = new AckRow("m1", "u3", null, "late", null, null, 2, null, null, null, whole, null, true,
                whole.plusNanos(1));
        write(AckStore.insert(sparse));
        write(AckStore.insert(Rows.ack("m1", "u2", whole.minusNanos(1))));
        write(AckStore.insert(Rows.ack("m1", "u1", Rows.T0)));

        List<AckRow> rows = journal.read(AckStore.forMuster("m1"));
        assertEquals(List.of(Rows.ack("m1", "u1", Rows.T0), Rows.ack("m1", "u2", whole.minusNanos(1)), sparse), rows);
    }

    @Test
    void journalTimeIsFixedWidthSoTextOrderIsTimeOrder() {
        assertEquals("2025-03-01T08:15:03.000000000Z", JournalTime.format(Instant.parse("2025-03-01T08:15:03Z")));
        assertEquals("2025-03-01T08:15:02.500000000Z", JournalTime.format(Instant.parse("2025-03-01T08:15:02.5Z")));
        assertEquals(Rows.T0, JournalTime.parse(JournalTime.format(Rows.T0)));
    }

    @Test
    void aCoalescingMessageReplacesOlderOnesWithItsKeyOnly() throws Exception {
        write(OutboxStore.append(Rows.message(1, "state/m1", 10)));
        write(OutboxStore.append(Rows.message(2, null, 11)));
        write(OutboxStore.append(Rows.message(3, "state/m2", 12)));
        write(OutboxStore.append(Rows.message(4, "state/m1", 13)));

        assertEquals(List.of(2L, 3L, 4L), seqs(journal.read(OutboxStore.page(0, 10))));
    }

    @Test
    void pagesAreInSeqOrderAfterTheGivenSeq() throws Exception {
        for (long seq : new long[] {5, 1, 3, 2, 4}) {
            write(OutboxStore.append(Rows.message(seq, null, seq)));
        }
        assertEquals(List.of(1L, 2L), seqs(journal.read(OutboxStore.page(0, 2))));
        assertEquals(List.of(3L, 4L, 5L), seqs(journal.read(OutboxStore.page(2, 10))));
        assertEquals(Rows.message(3, null, 3), journal.read(OutboxStore.page(2, 1)).get(0));
        assertEquals(List.of(), journal.read(OutboxStore.page(5, 10)));
    }

    @Test
    void deliveredAndEvictedMessagesLeave() throws Exception {
        for (long seq = 1; seq <= 10; seq++) {
            write(OutboxStore.append(Rows.message(seq, null, 1000 + seq)));
        }
        assertEquals(1, write(OutboxStore.delete(5)));
        assertEquals(0, write(OutboxStore.delete(5)));
        assertEquals(3, write(OutboxStore.evictOldest(3)));
        assertEquals(List.of(4L, 6L, 7L, 8L, 9L, 10L), seqs(journal.read(OutboxStore.page(0, 20))));
        assertEquals(2, write(OutboxStore.evictOlderThan(1007)));
        assertEquals(List.of(7L, 8L, 9L, 10L), seqs(journal.read(OutboxStore.page(0, 20))));
    }

    @Test
    void depthCountsRowsBytesOldestAndMaxSeq() throws Exception {
        assertEquals(new OutboxDepth(0, 0, OptionalLong.empty(), 0), journal.read(OutboxStore.depth()));
        write(OutboxStore.append(Rows.message(8, null, 500)));
        write(OutboxStore.append(Rows.message(9, null, 400)));
        write(OutboxStore.append(new OutboxRow(10, "t", new byte[0], 0, true, null, 600, null)));

        long bytes = Rows.message(8, null, 0).payload().length + Rows.message(9, null, 0).payload().length;
        assertEquals(new OutboxDepth(3, bytes, OptionalLong.of(400), 10), journal.read(OutboxStore.depth()));
        assertEquals(0, journal.read(OutboxStore.page(9, 1)).get(0).payload().length);
    }

    @Test
    void aNonPositiveSeqIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> OutboxStore.append(Rows.message(0, null, 1)));
    }

    private static List<Long> seqs(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::seq).toList();
    }
}
