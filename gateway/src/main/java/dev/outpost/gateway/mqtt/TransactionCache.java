package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.time.GatewayClock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Remembers the reply to each {@code (action, transaction)} for a while, so a QoS 1 redelivery or a client retry
 * gets the same answer instead of acting twice. The reply is remembered while still being worked out, so a
 * duplicate that arrives mid-flight waits for the first one's answer. Bounded in time and in size.
 *
 * <p>A repeat must ask for the same thing: the cache keeps each request's {@link RequestFingerprint}, and a
 * request that reuses a remembered transaction with a different body gets a {@code conflict} error and does
 * nothing (answering it with the first request's reply would tell the client its new request succeeded).
 */
final class TransactionCache {
    /** Enough of a transaction to recognise it in an error; the reply echoes it whole. */
    private static final int MAX_SHOWN_CHARS = 64;

    private record Entry(CompletableFuture<Reply> reply, String fingerprint, long storedAtNanos) {}

    private final GatewayClock clock;
    private final long ttlNanos;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long hits;
    private long conflicts;

    TransactionCache(GatewayClock clock, java.time.Duration ttl, int capacity) {
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    /**
     * The remembered reply for this key if {@code fingerprint} matches the remembered request, a {@code conflict}
     * error if it does not (nothing runs, nothing is remembered), or else the result of {@code work}, which then
     * runs exactly once and is remembered.
     */
    synchronized CompletableFuture<Reply> replyFor(String action, String transaction, String fingerprint,
                                                   Supplier<CompletableFuture<Reply>> work) {
        long now = clock.monotonicNanos();
        evictExpired(now);
        String key = action + '\u0000' + transaction;
        Entry known = entries.get(key);
        if (known != null && known.fingerprint().equals(fingerprint)) {
            hits++;
            return known.reply();
        }
        if (known != null) {
            conflicts++;
            return CompletableFuture.completedFuture(conflict(action, transaction));
        }
        CompletableFuture<Reply> reply = work.get();
        entries.put(key, new Entry(reply, fingerprint, now));
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

    /** Requests refused because their transaction was remembered for a different body. */
    synchronized long conflicts() {
        return conflicts;
    }

    private static Reply conflict(String action, String transaction) {
        String shown = transaction.length() <= MAX_SHOWN_CHARS ? transaction
                : transaction.substring(0, MAX_SHOWN_CHARS) + "...";
        return Reply.error(ErrorCodes.CONFLICT, "transaction '" + shown + "' was already used for a different "
                + action + " request; nothing was done. Repeat that request unchanged to get its reply, or send "
                + "this one with a new transaction").withTransaction(Optional.of(transaction));
    }

    private void evictExpired(long now) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && now - it.next().storedAtNanos() >= ttlNanos) {
            it.remove();
        }
    }
}
