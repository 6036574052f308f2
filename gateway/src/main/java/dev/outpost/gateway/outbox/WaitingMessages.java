package dev.outpost.gateway.outbox;

import dev.outpost.gateway.mqtt.PendingPublish;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The messages an outbox holds in memory, in sequence (delivery) order, with what it must find fast at city scale
 * (27,000 retained unit states at a start, a presence event per unit at a link's logon): the oldest message that
 * may be shed, bulk events before anything else; the oldest durable one; and the waiting message a newer one with
 * the same coalesce key replaces. Each is a lookup, not a scan of everything waiting. Not thread-safe: the outbox
 * holds its lock.
 */
final class WaitingMessages {
    private final TreeMap<Long, PendingPublish> all = new TreeMap<>();
    private final TreeMap<Long, PendingPublish> bulk = new TreeMap<>();
    private final TreeMap<Long, PendingPublish> otherBestEffort = new TreeMap<>();
    private final TreeMap<Long, PendingPublish> durable = new TreeMap<>();
    private final Map<String, PendingPublish> byCoalesceKey = new HashMap<>();

    void put(PendingPublish p) {
        all.put(p.sequence(), p);
        kind(p).put(p.sequence(), p);
        String key = p.delivery().coalesceKey();
        if (key != null) {
            byCoalesceKey.put(key, p);
        }
    }

    Optional<PendingPublish> pollFirst() {
        Map.Entry<Long, PendingPublish> first = all.firstEntry();
        return first == null ? Optional.empty() : Optional.of(remove(first.getValue()));
    }

    PendingPublish remove(PendingPublish p) {
        all.remove(p.sequence());
        kind(p).remove(p.sequence());
        String key = p.delivery().coalesceKey();
        if (key != null && byCoalesceKey.get(key) == p) {
            byCoalesceKey.remove(key);
        }
        return p;
    }

    /** The oldest message that is not durable, bulk events first; null when every waiting message is durable. */
    PendingPublish oldestSheddable() {
        Map.Entry<Long, PendingPublish> victim = bulk.isEmpty() ? otherBestEffort.firstEntry() : bulk.firstEntry();
        return victim == null ? null : victim.getValue();
    }

    PendingPublish oldestDurable() {
        Map.Entry<Long, PendingPublish> first = durable.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** The waiting message with this coalesce key, if any (at most one waits: a newer one replaces it). */
    PendingPublish withCoalesceKey(String key) {
        return byCoalesceKey.get(key);
    }

    /** The durable messages created before {@code cutoffMillis} (a periodic sweep: it reads every durable one). */
    List<PendingPublish> durableOlderThan(long cutoffMillis) {
        List<PendingPublish> out = new ArrayList<>();
        for (PendingPublish p : durable.values()) {
            if (p.createdAtMillis() < cutoffMillis) {
                out.add(p);
            }
        }
        return out;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    int size() {
        return all.size();
    }

    private TreeMap<Long, PendingPublish> kind(PendingPublish p) {
        return p.durable() ? durable : p.delivery().bulk() ? bulk : otherBestEffort;
    }
}
