package dev.outpost.gateway.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bounded in-memory {@link OutboundBuffer}, ordered by sequence. When full it drops the oldest QoS 0 message
 * first (those are the ones the API already calls lossy), and only then the oldest message of any QoS. Messages put
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

    private PendingPublish removeVictim() {
        Iterator<Map.Entry<Long, PendingPublish>> it = bySequence.entrySet().iterator();
        while (it.hasNext()) {
            PendingPublish candidate = it.next().getValue();
            if (candidate.message().qos() == 0) {
                it.remove();
                return candidate;
            }
        }
        return bySequence.pollFirstEntry().getValue();
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
