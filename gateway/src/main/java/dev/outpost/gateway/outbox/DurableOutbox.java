package dev.outpost.gateway.outbox;

import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.OutboxDepth;
import dev.outpost.gateway.journal.OutboxRow;
import dev.outpost.gateway.journal.OutboxStore;
import dev.outpost.gateway.mqtt.Delivery;
import dev.outpost.gateway.mqtt.OutboundBuffer;
import dev.outpost.gateway.mqtt.PendingPublish;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT outbox: an {@link OutboundBuffer} whose durable messages are also written to the journal, so that they
 * survive broker outages of any length (up to the caps) and gateway restarts.
 *
 * <p>Publishing does not wait for the disk: a durable message is queued for the journal and for the broker at the
 * same time, and forgotten (deleted from the journal) when the broker confirms it. A backlog longer than memory holds
 * waits on disk only and is read back in pages, in order. On start, what the journal still holds from before is sent
 * first. Best-effort messages live in memory only and are the first to go when memory is full, bulk events (see
 * {@link Delivery#bulkEvent()}) before any other.
 *
 * <p>Caps: at most {@code maxMessages} undelivered durable messages, none older than {@code maxAge}. Beyond them
 * the oldest are evicted, counted, logged and an {@link OutboxAlarm} is raised: never a silent drop. (The muster
 * tables keep every ack regardless; an eviction loses only the live MQTT copy.)
 *
 * <p>Thread-safe. Journal completions are handled on {@code callbacks}, never on the journal's writer thread, so
 * that the writer never waits for this object's lock.
 */
public final class DurableOutbox implements OutboundBuffer {
    private static final Logger log = LoggerFactory.getLogger(DurableOutbox.class);
    static final int PAGE = 500;

    private final Journal journal;
    private final OutboxLimits limits;
    private final LongSupplier wallMillis;
    private final Executor callbacks;
    private final Consumer<OutboxAlarm> alarms;
    private final WaitingMessages memory = new WaitingMessages();
    private final long lastSequenceAtStart;
    private Runnable readable = () -> { };

    /** Undelivered durable messages, wherever they are. */
    private long depth;
    /** Durable messages exist on disk that are not in memory; they are read back before newer durable ones. */
    private boolean diskBacklog;
    private long loadedThrough;
    private long lastDiskOnlySequence;
    private int unconfirmedDiskWrites;
    private long evicted;
    private long shed;
    private boolean alarm;

    private DurableOutbox(Journal journal, OutboxLimits limits, LongSupplier wallMillis, Executor callbacks,
                          Consumer<OutboxAlarm> alarms, OutboxDepth atStart) {
        this.journal = journal;
        this.limits = limits;
        this.wallMillis = wallMillis;
        this.callbacks = callbacks;
        this.alarms = alarms;
        this.lastSequenceAtStart = atStart.maxSeq();
        this.depth = atStart.rows();
        if (depth > 0) {
            diskBacklog = true;
            lastDiskOnlySequence = atStart.maxSeq();
            log.info("outbox: {} undelivered messages from before the restart go out first", depth);
        }
    }

    /**
     * @param callbacks where journal completions are handled (e.g. the MQTT executor)
     * @param alarms    told when the alarm is raised or cleared
     */
    public static DurableOutbox open(Journal journal, OutboxLimits limits, LongSupplier wallMillis, Executor callbacks,
                                     Consumer<OutboxAlarm> alarms) throws JournalException {
        return new DurableOutbox(journal, limits, wallMillis, callbacks, alarms, journal.read(OutboxStore.depth()));
    }

    @Override
    public synchronized long lastSequence() {
        return lastSequenceAtStart;
    }

    @Override
    public synchronized void onReadable(Runnable pump) {
        this.readable = pump;
    }

    @Override
    public synchronized List<PendingPublish> offer(PendingPublish publish) {
        List<PendingPublish> victims = new ArrayList<>();
        if (!publish.durable()) {
            if (memory.size() >= limits.memoryMessages() && !shedOldestBestEffort(victims)) {
                shed++;
                victims.add(publish);
                return victims;
            }
            memory.put(publish);
            return victims;
        }
        if (depth >= limits.maxMessages()) {
            evictOldest(victims);
        }
        supersede(publish);
        depth++;
        boolean inMemory = !diskBacklog
                && (memory.size() < limits.memoryMessages() || shedOldestBestEffort(victims));
        CompletableFuture<Void> stored = journal.write(OutboxStore.append(row(publish)));
        if (inMemory) {
            memory.put(publish);
            stored.whenCompleteAsync((ok, failure) -> {
                if (failure != null) {
                    log.error("outbox: message {} to {} could not be journaled ({}); it is still sent, but would not "
                            + "survive a restart", publish.sequence(), publish.message().topic(), failure.toString());
                }
            }, callbacks);
        } else {
            if (!diskBacklog) {
                diskBacklog = true;
                loadedThrough = publish.sequence() - 1;
                log.warn("outbox: more than {} messages waiting; newer durable ones wait on disk until the broker "
                        + "catches up", limits.memoryMessages());
            }
            lastDiskOnlySequence = publish.sequence();
            unconfirmedDiskWrites++;
            stored.whenCompleteAsync((ok, failure) -> diskWriteDone(publish, failure), callbacks);
        }
        return victims;
    }

    private void diskWriteDone(PendingPublish publish, Throwable failure) {
        synchronized (this) {
            unconfirmedDiskWrites--;
            if (failure != null) {
                depth--;
                evicted++;
                raise("a message waiting on disk could not be written (" + failure + "); it is lost");
            }
        }
        if (failure == null) {
            publish.delivered().complete(null);
        } else {
            log.error("outbox: message {} to {} could not be written to the journal and is lost: {}",
                    publish.sequence(), publish.message().topic(), failure.toString());
            publish.delivered().completeExceptionally(failure);
        }
        readable.run();
    }

    @Override
    public synchronized Optional<PendingPublish> poll() {
        if (memory.isEmpty() && diskBacklog) {
            loadPage();
        }
        return memory.pollFirst();
    }

    private void loadPage() {
        List<OutboxRow> rows;
        try {
            rows = journal.read(OutboxStore.page(loadedThrough, PAGE));
        } catch (JournalException e) {
            log.error("outbox: cannot read the backlog from the journal: {}", e.getMessage());
            return;
        }
        for (OutboxRow row : rows) {
            memory.put(pending(row));
            loadedThrough = row.seq();
        }
        if (rows.size() < PAGE && unconfirmedDiskWrites == 0 && loadedThrough >= lastDiskOnlySequence) {
            diskBacklog = false;
            log.info("outbox: backlog on disk read back; messages wait in memory again");
        }
    }

    @Override
    public synchronized void putBack(PendingPublish publish) {
        memory.put(publish);
    }

    @Override
    public void delivered(PendingPublish publish) {
        if (!publish.durable()) {
            return;
        }
        synchronized (this) {
            depth--;
            if (alarm && depth < limits.maxMessages() * 9 / 10) {
                clear("back under 90 % of the size cap");
            }
        }
        journal.write(OutboxStore.delete(publish.sequence())).whenCompleteAsync((n, failure) -> {
            if (failure != null) {
                log.warn("outbox: delivered message {} not removed from the journal ({}); it may be sent again "
                        + "after a restart", publish.sequence(), failure.toString());
            }
        }, callbacks);
    }

    @Override
    public synchronized int size() {
        return memory.size();
    }

    /**
     * Evicts durable messages older than the age cap and re-reads the depth (which coalescing on disk may have
     * lowered). Call it periodically, off the journal's writer thread.
     */
    public void sweep() {
        long cutoff = wallMillis.getAsLong() - limits.maxAge().toMillis();
        List<PendingPublish> expired = new ArrayList<>();
        synchronized (this) {
            for (PendingPublish p : memory.durableOlderThan(cutoff)) {
                expired.add(memory.remove(p));
            }
        }
        expired.forEach(p -> p.delivered().completeExceptionally(new IllegalStateException("evicted: too old")));
        int removed;
        OutboxDepth now;
        try {
            removed = journal.write(OutboxStore.evictOlderThan(cutoff)).get();
            now = journal.read(OutboxStore.depth());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            log.warn("outbox: age sweep failed: {}", e.toString());
            return;
        }
        synchronized (this) {
            depth = now.rows();
            if (removed > 0) {
                evicted += removed;
                log.error("outbox: evicted {} undelivered messages older than {} ({} evicted since start)", removed,
                        limits.maxAge(), evicted);
                raise("messages older than " + limits.maxAge() + " were evicted");
            } else if (alarm && depth < limits.maxMessages() * 9 / 10) {
                clear("back under 90 % of the size cap, nothing too old");
            }
        }
    }

    public synchronized OutboxStats stats() {
        PendingPublish oldestDurable = memory.oldestDurable();
        long oldest = oldestDurable == null ? 0 : Math.max(0, wallMillis.getAsLong() - oldestDurable.createdAtMillis());
        return new OutboxStats(depth, memory.size(), oldest, evicted, shed, diskBacklog, alarm);
    }

    /** Age of the oldest undelivered durable message, from the journal (it sees in-flight and disk-only ones). */
    public long oldestAgeMillis() {
        try {
            OutboxDepth d = journal.read(OutboxStore.depth());
            return d.oldestCreatedAtMillis().isPresent()
                    ? Math.max(0, wallMillis.getAsLong() - d.oldestCreatedAtMillis().getAsLong()) : 0;
        } catch (JournalException e) {
            return -1;
        }
    }

    /** Removes the oldest durable message to respect the size cap (held by this object's lock). */
    private void evictOldest(List<PendingPublish> victims) {
        PendingPublish oldest = memory.oldestDurable();
        if (oldest != null) {
            memory.remove(oldest);
            victims.add(oldest);
            journal.write(OutboxStore.delete(oldest.sequence()));
        } else {
            // Every older durable message is on disk only (or in flight): drop the oldest row there.
            journal.write(OutboxStore.evictOldest(1));
        }
        depth--;
        evicted++;
        if (evicted == 1 || evicted % 1000 == 0) {
            log.error("outbox: full ({} undelivered messages): evicted the oldest ({} evicted since start)",
                    limits.maxMessages(), evicted);
        }
        raise("full: " + limits.maxMessages() + " undelivered messages; the oldest are evicted");
    }

    /** Drops the oldest best-effort message from memory (bulk events first); false if memory holds none. */
    private boolean shedOldestBestEffort(List<PendingPublish> victims) {
        PendingPublish victim = memory.oldestSheddable();
        if (victim == null) {
            return false;
        }
        victims.add(memory.remove(victim));
        shed++;
        return true;
    }

    /** A newer message for the same key replaces the older ones still waiting in memory (disk does the same). */
    private void supersede(PendingPublish publish) {
        String key = publish.delivery().coalesceKey();
        if (key == null) {
            return;
        }
        PendingPublish older = memory.withCoalesceKey(key);
        if (older != null) {
            memory.remove(older);
            depth--;
            older.delivered().complete(null);
        }
    }

    private void raise(String reason) {
        boolean wasRaised = alarm;
        alarm = true;
        if (!wasRaised) {
            notifyAlarm(new OutboxAlarm(true, reason, evicted, depth));
        }
    }

    private void clear(String reason) {
        alarm = false;
        log.info("outbox alarm cleared: {}", reason);
        notifyAlarm(new OutboxAlarm(false, reason, evicted, depth));
    }

    private void notifyAlarm(OutboxAlarm event) {
        callbacks.execute(() -> alarms.accept(event));
    }

    private static OutboxRow row(PendingPublish p) {
        OutboundMessage m = p.message();
        return new OutboxRow(p.sequence(), m.topic(), m.payload(), m.qos(), m.retained(), p.delivery().eventId(),
                p.createdAtMillis(), p.delivery().coalesceKey());
    }

    private static PendingPublish pending(OutboxRow row) {
        Delivery delivery = new Delivery(true, row.eventId(), row.coalesceKey(), false);
        return new PendingPublish(row.seq(), OutboundMessage.of(row.topic(), row.payload(), row.qos(), row.retained()),
                delivery, row.createdAtMillis(), new CompletableFuture<>());
    }
}
