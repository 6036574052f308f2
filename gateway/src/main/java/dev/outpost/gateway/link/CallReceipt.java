package dev.outpost.gateway.link;

import java.time.Instant;
import java.util.List;

/**
 * Proof that a call left the gateway.
 *
 * @param sentNanos monotonic instant stamped just before the bytes went to the transport
 * @param sentAt    the same instant on the wall clock
 * @param refused   addresses the network reported it could not reach (unknown, offline)
 */
public record CallReceipt(String callRef, long sentNanos, Instant sentAt, List<String> refused) {
    public CallReceipt {
        refused = List.copyOf(refused);
    }
}
