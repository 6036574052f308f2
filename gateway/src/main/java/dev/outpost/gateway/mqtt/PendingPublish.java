package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A message waiting to be published.
 *
 * @param sequence  the order it was offered in; a message put back after a failed send keeps its place
 * @param delivered completes when the broker confirmed it, or fails when it was dropped. For a durable message
 *                  held on disk only (a backlog longer than memory holds) it completes once it is safely stored.
 */
public record PendingPublish(long sequence, OutboundMessage message, Delivery delivery, long createdAtMillis,
                             CompletableFuture<Void> delivered) {
    public PendingPublish {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(delivered, "delivered");
    }

    public PendingPublish(long sequence, OutboundMessage message, CompletableFuture<Void> delivered) {
        this(sequence, message, Delivery.bestEffort(), 0, delivered);
    }

    public boolean durable() {
        return delivery.durable();
    }
}
