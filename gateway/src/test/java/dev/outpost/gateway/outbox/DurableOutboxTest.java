package dev.outpost.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.journal.OutboxStore;
import dev.outpost.gateway.mqtt.Delivery;
import dev.outpost.gateway.mqtt.PendingPublish;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite journal: order, restarts, backlogs on disk, caps and the alarm. */
class DurableOutboxTest {
    @TempDir
    Path dir;
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final AtomicLong wallMillis = new AtomicLong(1_700_000_000_000L);
    private final List<OutboxAlarm> alarms = new CopyOnWriteArrayList<>();
    private final List<Journal> journals = new ArrayList<>();
    private long sequence;

    @AfterEach
    void close() throws InterruptedException {
        journals.forEach(Journal::close);
        callbacks.shutdown();
        assertTrue(callbacks.awaitTermination(5, TimeUnit.SECONDS));
    }

    private Journal journal() throws Exception {
        Journal journal = Journal.open(JournalOptions.defaults(dir.resolve("journal.db")));
        journals.add(journal);
        return journal;
    }

    private DurableOutbox outbox(Journal journal, long maxMessages, int memory) throws Exception {
        DurableOutbox outbox = DurableOutbox.open(journal, new OutboxLimits(maxMessages, Duration.ofHours(1), memory),
                wallMillis::get, callbacks, alarms::add);
        sequence = outbox.lastSequence();
        return outbox;
    }

    private PendingPublish message(String topic, Delivery delivery) {
        long seq = ++sequence;
        return new PendingPublish(seq, OutboundMessage.of(topic, ("m" + seq).getBytes(StandardCharsets.UTF_8), 1,
                false), delivery, wallMillis.get(), new CompletableFuture<>());
    }

    /** Waits until the journal committed everything queued so far and the callbacks it caused have run. */
    private void settle(Journal journal) throws Exception {
        journal.write(tx -> null).get(5, TimeUnit.SECONDS);
        callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    private static List<Long> drain(DurableOutbox outbox) {
        List<Long> out = new ArrayList<>();
        for (Optional<PendingPublish> p = outbox.poll(); p.isPresent(); p = outbox.poll()) {
            out.add(p.get().sequence());
        }
        return out;
    }

    @Test
    void durableMessagesOutliveARestartAndBestEffortOnesDoNot() throws Exception {
        Journal first = journal();
        DurableOutbox before = outbox(first, 100, 100);
        before.offer(message("a", Delivery.durable("e1")));
        before.offer(message("b", Delivery.bestEffort()));
        before.offer(message("c", Delivery.durable("e3")));
        PendingPublish sent = message("d", Delivery.durable("e4"));
        before.offer(sent);
        before.delivered(sent);
        first.close();

        DurableOutbox after = outbox(journal(), 100, 100);
        assertEquals(3, after.lastSequence(), "numbering continues after the newest undelivered message");
        assertEquals(List.of(1L, 3L), drain(after), "undelivered durable messages, in order; the delivered one is gone");
        assertEquals(2, after.stats().depth());
    }

    @Test
    void aBacklogLongerThanMemoryWaitsOnDiskAndComesBackInOrder() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 100_000, 10);
        List<PendingPublish> offered = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            PendingPublish p = message("t/" + i, i % 7 == 0 ? Delivery.bestEffort() : Delivery.durable("e" + i));
            offered.add(p);
            assertTrue(outbox.offer(p).stream().noneMatch(PendingPublish::durable),
                    "a durable message is never refused or shed while under the size cap");
            assertTrue(outbox.size() <= 10, "memory stays bounded: " + outbox.size());
        }
        assertTrue(outbox.stats().onDiskOnly());
        settle(journal);

        List<Long> durableSeqs = offered.stream().filter(PendingPublish::durable).map(PendingPublish::sequence).toList();
        List<Long> polled = new ArrayList<>();
        for (Optional<PendingPublish> p = outbox.poll(); p.isPresent(); p = outbox.poll()) {
            if (p.get().durable()) {
                polled.add(p.get().sequence());
            }
            assertTrue(outbox.size() <= DurableOutbox.PAGE, "pages are bounded too");
        }
        assertEquals(durableSeqs, polled, "every durable message, once, in order");
        assertFalse(outbox.stats().onDiskOnly(), "caught up");
        assertTrue(offered.stream().filter(p -> p.durable() && p.sequence() > 20)
                .allMatch(p -> p.delivered().isDone()), "a message kept on disk only is safe once written");
    }

    @Test
    void whenFullTheOldestAreEvictedWithAnAlarmWhichClearsWhenItDrains() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 5, 100);
        List<PendingPublish> victims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            victims.addAll(outbox.offer(message("t", Delivery.durable("e" + i))));
        }
        settle(journal);
        assertEquals(List.of(1L, 2L, 3L), victims.stream().map(PendingPublish::sequence).toList());
        assertEquals(5, outbox.stats().depth());
        assertEquals(3, outbox.stats().evicted());
        assertEquals(1, alarms.size(), "raised once, not once per eviction");
        assertTrue(alarms.get(0).raised() && alarms.get(0).reason().contains("full"), alarms.toString());
        assertEquals(5, journal.read(OutboxStore.depth()).rows(), "the journal holds exactly the kept ones");

        for (Optional<PendingPublish> p = outbox.poll(); p.isPresent(); p = outbox.poll()) {
            outbox.delivered(p.get());
        }
        settle(journal);
        assertEquals(2, alarms.size());
        assertFalse(alarms.get(1).raised());
        assertFalse(outbox.stats().alarm());
        assertEquals(0, journal.read(OutboxStore.depth()).rows());
    }

    @Test
    void aNewerStateReplacesAnOlderOneNotYetSent() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 100, 100);
        PendingPublish first = message("muster/m1/state", Delivery.latestOf("muster/m1/state"));
        outbox.offer(first);
        outbox.offer(message("muster/m1/ack", Delivery.durable("a1")));
        PendingPublish latest = message("muster/m1/state", Delivery.latestOf("muster/m1/state"));
        outbox.offer(latest);
        settle(journal);

        assertTrue(first.delivered().isDone() && !first.delivered().isCompletedExceptionally());
        assertEquals(List.of(2L, 3L), drain(outbox));
        assertEquals(2, journal.read(OutboxStore.depth()).rows());
        assertEquals(2, outbox.stats().depth());
    }

    @Test
    void bestEffortMessagesMakeRoomForDurableOnes() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 100, 3);
        List<PendingPublish> victims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            victims.addAll(outbox.offer(message("presence", Delivery.bestEffort())));
        }
        victims.addAll(outbox.offer(message("presence", Delivery.bestEffort())));
        victims.addAll(outbox.offer(message("ack", Delivery.durable("a"))));
        assertEquals(List.of(1L, 2L), victims.stream().map(PendingPublish::sequence).toList());
        assertFalse(outbox.stats().onDiskOnly(), "the durable one took a best-effort one's place in memory");
        assertEquals(2, outbox.stats().shed());
    }

    @Test
    void aBurstOfBulkEventsCannotPushOutARequestsReply() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 100, 3);
        List<PendingPublish> victims = new ArrayList<>();
        victims.addAll(outbox.offer(message("response/muster/start", Delivery.bestEffort())));
        for (int i = 0; i < 10; i++) {
            victims.addAll(outbox.offer(message("unit/U" + i + "/event", Delivery.bulkEvent())));
        }
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), victims.stream().map(PendingPublish::sequence).toList(),
                "the logon's presence events shed each other, oldest first");
        assertEquals(List.of(1L, 10L, 11L), drain(outbox), "the reply is still waiting, first in line");
        assertEquals(8, outbox.stats().shed());
    }

    @Test
    void theAgeCapEvictsOldMessagesAndRaisesTheAlarm() throws Exception {
        Journal journal = journal();
        DurableOutbox outbox = outbox(journal, 100, 100);
        outbox.offer(message("old", Delivery.durable("o")));
        wallMillis.addAndGet(Duration.ofHours(2).toMillis());
        outbox.offer(message("new", Delivery.durable("n")));
        settle(journal);

        outbox.sweep();
        settle(journal);
        assertEquals(List.of(2L), drain(outbox));
        assertEquals(1, outbox.stats().evicted());
        assertEquals(1, outbox.stats().depth());
        assertTrue(alarms.get(0).raised() && alarms.get(0).reason().contains("older"), alarms.toString());
    }
}
