package dev.outpost.gateway.link;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * For links whose units answer a voice muster by keying up (the gateway cannot key the dispatcher's radio): the
 * voice roll calls this link made and which of their units have not keyed up yet. A unit's first PTT-ID after a
 * call's send instant, within the call's listening time, answers it. Bounded to the latest {@value #MAX_CALLS}
 * calls. Thread-safe (calls and the port's reader meet here).
 */
public final class VoiceCalls {
    public static final int MAX_CALLS = 64;

    private static final class Open {
        final String callRef;
        final long sentNanos;
        final long untilNanos;
        final Set<String> waiting;

        Open(String callRef, long sentNanos, long untilNanos, Set<String> waiting) {
            this.callRef = callRef;
            this.sentNanos = sentNanos;
            this.untilNanos = untilNanos;
            this.waiting = waiting;
        }
    }

    private final Deque<Open> calls = new ArrayDeque<>();

    public synchronized void opened(String callRef, long sentNanos, long untilNanos, Iterable<String> addresses) {
        Set<String> waiting = new HashSet<>();
        addresses.forEach(waiting::add);
        calls.addLast(new Open(callRef, sentNanos, untilNanos, waiting));
        while (calls.size() > MAX_CALLS) {
            calls.removeFirst();
        }
    }

    /** The call a key-up of {@code address} at {@code nanos} answers, newest call first; it answers it only once. */
    public synchronized Optional<String> keyedUp(String address, long nanos) {
        Iterator<Open> newestFirst = calls.descendingIterator();
        while (newestFirst.hasNext()) {
            Open call = newestFirst.next();
            if (nanos - call.sentNanos >= 0 && call.untilNanos - nanos >= 0 && call.waiting.remove(address)) {
                return Optional.of(call.callRef);
            }
        }
        return Optional.empty();
    }
}
