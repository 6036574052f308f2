package dev.outpost.gateway.journal;

import java.util.OptionalLong;

/**
 * How much is waiting in the outbox.
 *
 * @param rows                  messages not yet delivered
 * @param bytes                 their payload bytes
 * @param oldestCreatedAtMillis creation time of the oldest, empty when the outbox is empty
 * @param maxSeq                highest seq present, 0 when empty
 */
public record OutboxDepth(long rows, long bytes, OptionalLong oldestCreatedAtMillis, long maxSeq) {
}
