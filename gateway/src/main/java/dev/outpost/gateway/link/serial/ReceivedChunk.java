package dev.outpost.gateway.link.serial;

import java.time.Instant;

/**
 * Bytes from one read of the port, stamped with the gateway clock as the read returned, before any decoding:
 * the stamp is the receive instant latency is measured from. The array is fresh and belongs to the receiver.
 */
public record ReceivedChunk(byte[] bytes, long receivedNanos, Instant receivedAt) {
}
