package dev.outpost.gateway.mqtt;

import dev.outpost.gateway.mqtt.client.MqttNotConnectedException;
import dev.outpost.gateway.mqtt.client.MqttPort;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from the {@link OutboundBuffer} to the broker in order, with a bounded number awaiting PUBACK.
 * A send that fails for lack of a connection goes back to the buffer and is retried after the next connect.
 */
final class PublishPump {
    private static final Logger log = LoggerFactory.getLogger(PublishPump.class);

    private final MqttPort port;
    private final OutboundBuffer buffer;
    private final int maxInFlight;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final LongSupplier wallMillis;
    private final Object offerLock = new Object();
    private int inFlight;
    private volatile LongSupplier confirmClock = () -> 0L;
    private volatile LongConsumer confirmTimes = elapsed -> { };
    private boolean pumping;
    private boolean pumpAgain;

    PublishPump(MqttPort port, OutboundBuffer buffer, int maxInFlight, LongSupplier wallMillis) {
        this.port = port;
        this.buffer = buffer;
        this.maxInFlight = maxInFlight;
        this.wallMillis = wallMillis;
        sequence.set(buffer.lastSequence());
        buffer.onReadable(this::pump);
    }

    CompletableFuture<Void> submit(OutboundMessage message) {
        return submit(message, Delivery.bestEffort());
    }

    /** Queues a message; the future completes on broker confirmation or fails if the message is dropped. */
    CompletableFuture<Void> submit(OutboundMessage message, Delivery delivery) {
        PendingPublish pending;
        List<PendingPublish> victims;
        // Numbered and offered under one lock, so that a durable buffer stores messages in sequence order.
        synchronized (offerLock) {
            pending = new PendingPublish(sequence.incrementAndGet(), message, delivery, wallMillis.getAsLong(),
                    new CompletableFuture<>());
            victims = buffer.offer(pending);
        }
        for (PendingPublish victim : victims) {
            long total = dropped.incrementAndGet();
            log.warn("MQTT outbound queue full ({} waiting): dropped a QoS {} message to {} ({} dropped so far)",
                    buffer.size(), victim.message().qos(), victim.message().topic(), total);
            victim.delivered().completeExceptionally(new IllegalStateException("dropped: outbound queue full"));
        }
        pump();
        return pending.delivered();
    }

    /**
     * Sends as much as the in-flight limit allows. Safe to call from any thread, any time, and re-entrantly: a
     * confirmation that completes synchronously asks the running pass to go round again instead of recursing.
     */
    void pump() {
        synchronized (this) {
            if (pumping) {
                pumpAgain = true;
                return;
            }
            pumping = true;
        }
        boolean again = true;
        while (again) {
            synchronized (this) {
                pumpAgain = false;
            }
            drain();
            synchronized (this) {
                again = pumpAgain;
                pumping = again;
            }
        }
    }

    private void drain() {
        while (true) {
            PendingPublish next;
            synchronized (this) {
                if (inFlight >= maxInFlight || !port.isConnected()) {
                    return;
                }
                Optional<PendingPublish> polled = buffer.poll();
                if (polled.isEmpty()) {
                    return;
                }
                next = polled.get();
                inFlight++;
            }
            long sentNanos = confirmClock.getAsLong();
            port.publish(next.message()).whenComplete((ok, failure) -> settle(next, sentNanos, failure));
        }
    }

    /** Reports, for each confirmed message, the time from handing it to the client to the broker's confirmation. */
    void timeConfirmations(LongSupplier monotonicNanos, LongConsumer elapsedNanos) {
        confirmClock = monotonicNanos;
        confirmTimes = elapsedNanos;
    }

    private void settle(PendingPublish publish, long sentNanos, Throwable failure) {
        synchronized (this) {
            inFlight--;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause == null) {
            confirmTimes.accept(confirmClock.getAsLong() - sentNanos);
            delivered.incrementAndGet();
            buffer.delivered(publish);
            publish.delivered().complete(null);
        } else if (cause instanceof MqttNotConnectedException) {
            buffer.putBack(publish);
        } else {
            failed.incrementAndGet();
            log.warn("MQTT publish to {} failed: {}", publish.message().topic(), cause.getMessage());
            publish.delivered().completeExceptionally(cause);
        }
        pump();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    int queued() {
        return buffer.size();
    }

    long dropped() {
        return dropped.get();
    }

    long failed() {
        return failed.get();
    }

    long delivered() {
        return delivered.get();
    }
}
