package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.link.LinkState;
import java.time.Instant;

/**
 * A snapshot of a driver for the owning link's {@code LinkStatus}.
 *
 * @param reopens         connections made after the first one
 * @param writesRejected  writes refused with {@link WriteOutcome#QUEUE_FULL}
 * @param writesDiscarded queued writes dropped because the port went down before they were sent
 */
public record SerialDriverStats(LinkState state, Instant since, String detail, String peer, long reopens,
        long bytesIn, long bytesOut, long writesRejected, long writesDiscarded) {
}
