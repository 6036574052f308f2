package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.time.GatewayClock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Remembers the reply to each {@code (action, transaction)} for a while, so a QoS 1 redelivery or a client retry
 * gets the same answer instead of acting twice. The reply is remembered while still being worked out, so a
 * duplicate that arrives mid-flight waits for the first one's answer. Bounded in time and in size.
 */
final class TransactionCache {
    private record Entry(CompletableFuture<Reply> reply, long storedAtNanos) {}

    private final GatewayClock clock;
    private final long ttlNanos;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long hits;

    TransactionCache(GatewayClock clock, java.time.Duration ttl, int capacity) {
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    /**
     * The remembered reply for this key, or the result of {@code work} (which then runs exactly once and is
     * remembered).
     */
    synchronized CompletableFuture<Reply> replyFor(String action, String transaction,
                                                   Supplier<CompletableFuture<Reply>> work) {
        long now = clock.monotonicNanos();
        evictExpired(now);
        String key = action + '\u0000' + transaction;
        Entry known = entries.get(key);
        if (known != null) {
            hits++;
            return known.reply();
        }
        CompletableFuture<Reply> reply = work.get();
        entries.put(key, new Entry(reply, now));
        while (entries.size() > capacity) {
            Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return reply;
    }

    synchronized int size() {
        evictExpired(clock.monotonicNanos());
        return entries.size();
    }

    /** Requests answered from the cache. */
    synchronized long hits() {
        return hits;
    }

    private void evictExpired(long now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && now - it.next().storedAtNanos() >= ttlNanos) {
            it.remove();
        }
    }
}
