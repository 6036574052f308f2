package dev.outpost.gateway.link.pei;

import dev.outpost.gateway.link.CallMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which call an answer belongs to, since PEI answers carry no call reference: the latest status poll and confirm
 * per ISSI (a unit's first status reply answers them and closes them), and the SDS-TL message reference of each text poll (its delivery
 * report names it). Report references stay until replaced, so late and duplicate reports keep their call (the muster
 * engine classes them). Bounded: the least recently called entries go beyond {@code capacity}. Not thread-safe.
 */
final class PeiCallBook {
    private record Key(CallMethod method, long issi) {
    }

    private record ReportKey(long issi, int messageReference) {
    }

    private final Map<Key, String> byUnit;
    private final Map<ReportKey, String> byReference;
    private int nextReference;

    PeiCallBook(int capacity) {
        this.byUnit = bounded(capacity);
        this.byReference = bounded(capacity);
    }

    private static <K> Map<K, String> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, String> eldest) {
                return size() > capacity;
            }
        };
    }

    void statusSent(CallMethod method, long issi, String callRef) {
        byUnit.put(new Key(method, issi), callRef);
    }

    /** Allocates the message reference (1..255, cycling) of a text poll to {@code issi} and records its call. */
    int textSent(long issi, String callRef) {
        nextReference = nextReference % 255 + 1;
        byReference.put(new ReportKey(issi, nextReference), callRef);
        return nextReference;
    }

    /**
     * The open status call of this kind to {@code issi}, which the status just received answers; it is closed, so
     * that the unit's later statuses (arrived, busy, ...) are statuses again, not answers to an old call.
     */
    Optional<String> takeStatusCall(CallMethod method, long issi) {
        return Optional.ofNullable(byUnit.remove(new Key(method, issi)));
    }

    Optional<String> reportCall(long issi, int messageReference) {
        return Optional.ofNullable(byReference.get(new ReportKey(issi, messageReference)));
    }
}
