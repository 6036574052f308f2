package dev.outpost.gateway.mqtt;

import java.util.List;
import java.util.Optional;

/**
 * Where outgoing messages wait until the broker has them. The in-memory one loses its content on a restart; the
 * journal (a later issue) will implement this same seam so that nothing acknowledged-internally is ever lost.
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
}
