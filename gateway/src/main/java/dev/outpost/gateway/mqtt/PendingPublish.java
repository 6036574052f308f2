package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A message waiting to be published.
 *
 * @param sequence  the order it was offered in; a message put back after a failed send keeps its place
 * @param delivered completes when the broker confirmed it, or fails when it was dropped
 */
public record PendingPublish(long sequence, OutboundMessage message, CompletableFuture<Void> delivered) {
    public PendingPublish {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delivered, "delivered");
    }
}
