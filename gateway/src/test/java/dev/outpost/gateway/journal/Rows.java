package dev.outpost.gateway.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test rows. */
final class Rows {

    static final Instant T0 = Instant.parse("2025-03-01T08:15:02.000000100Z");

    private Rows() {
    }

    static AckRow ack(String musterId, String unitId, Instant receivedAt) {
        return new AckRow(musterId, unitId, "evt-" + unitId, "ack", "ok", 3, 1, "hxt-1", "PoC",
                receivedAt.minusMillis(40), receivedAt, 40_000_000L, false, receivedAt.plusNanos(5));
    }

    static OutboxRow message(long seq, String coalesceKey, long createdAtMillis) {
        return new OutboxRow(seq, "outpost/test/" + seq, ("payload-" + seq).getBytes(StandardCharsets.UTF_8), 1,
                false, "evt-" + seq, createdAtMillis, coalesceKey);
    }
}
