package dev.outpost.gateway.mqtt;

import java.util.List;
import java.util.Optional;

/**
 * Where outgoing messages wait until the broker has them. The in-memory one loses its content on a restart; the
 * journal-backed one (outbox.DurableOutbox) keeps durable messages across broker outages and restarts.
 * Implementations must be safe for concurrent use.
 */
public interface OutboundBuffer {

    /** Adds a message; returns the messages dropped to make room (their futures are not yet completed). */
    List<PendingPublish> offer(PendingPublish publish);

    /** Removes and returns the oldest message. */
    Optional<PendingPublish> poll();

    /** Returns a message whose send failed for lack of a connection; it goes back to its original place. */
    void putBack(PendingPublish publish);

    int size();

    /** The broker confirmed the message (a durable buffer forgets it now). */
    default void delivered(PendingPublish publish) {
    }

    /** The highest sequence already used (a durable buffer remembers it across restarts); numbering continues after it. */
    default long lastSequence() {
        return 0;
    }

    /** Called when messages that could not be polled before may be polled now (e.g. a write reached the disk). */
    default void onReadable(Runnable pump) {
    }
}
