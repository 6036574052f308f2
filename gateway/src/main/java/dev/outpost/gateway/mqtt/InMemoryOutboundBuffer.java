package dev.outpost.gateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bounded in-memory {@link OutboundBuffer} (used when there is no journal), ordered by sequence. When full it drops
 * the oldest bulk event first ({@link Delivery#bulkEvent()}), then the oldest QoS 0 message (those are the ones the API
 * already calls lossy), and only then the oldest message of any QoS. Messages put
 * back after a failed send may take it at most {@code maxInFlight} over capacity, briefly.
 */
public final class InMemoryOutboundBuffer implements OutboundBuffer {
    private final int capacity;
    private final TreeMap<Long, PendingPublish> bySequence = new TreeMap<>();

    public InMemoryOutboundBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized List<PendingPublish> offer(PendingPublish publish) {
        List<PendingPublish> dropped = new ArrayList<>();
        while (bySequence.size() >= capacity) {
            dropped.add(removeVictim());
        }
        bySequence.put(publish.sequence(), publish);
        return dropped;
    }

    /** The oldest bulk event, else the oldest QoS 0 message, else the oldest of all. */
    private PendingPublish removeVictim() {
        PendingPublish victim = oldest(p -> p.delivery().bulk());
        if (victim == null) {
            victim = oldest(p -> p.message().qos() == 0);
        }
        if (victim == null) {
            return bySequence.pollFirstEntry().getValue();
        }
        bySequence.remove(victim.sequence());
        return victim;
    }

    private PendingPublish oldest(java.util.function.Predicate<PendingPublish> kind) {
        for (PendingPublish candidate : bySequence.values()) {
            if (kind.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public synchronized Optional<PendingPublish> poll() {
        Map.Entry<Long, PendingPublish> first = bySequence.pollFirstEntry();
        return first == null ? Optional.empty() : Optional.of(first.getValue());
    }

    @Override
    public synchronized void putBack(PendingPublish publish) {
        bySequence.put(publish.sequence(), publish);
    }

    @Override
    public synchronized int size() {
        return bySequence.size();
    }
}
