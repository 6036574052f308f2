package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.CallMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The callRef of the latest radio check (POLL) and call alert (CONFIRM) sent to each radio, so that an ack, which
 * carries no reference on the air, is credited to the call that asked. A reference stays until the next call of the
 * same kind to the same radio: late and duplicate acks keep their call's reference (the muster engine classes them).
 * Bounded: the least recently called radios are forgotten beyond {@code capacity}. Not thread-safe.
 */
final class DmrCallBook {
    private record Key(CallMethod method, int radio) {
    }

    private final Map<Key, String> refs;

    DmrCallBook(int capacity) {
        this.refs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
                return size() > capacity;
            }
        };
    }

    void sent(CallMethod method, int radio, String callRef) {
        refs.put(new Key(method, radio), callRef);
    }

    /** The reference of the last call of this kind to {@code radio}, or empty if it was never called. */
    Optional<String> callRef(CallMethod method, int radio) {
        return Optional.ofNullable(refs.get(new Key(method, radio)));
    }
}
