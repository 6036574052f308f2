package dev.outpost.gateway.mqtt;

/**
 * How hard the bridge tries to deliver a message.
 *
 * @param durable     kept in the journal's outbox until the broker confirms it, so it survives broker outages and
 *                    restarts (and may then arrive twice: consumers drop duplicates by {@code eventId})
 * @param eventId     the message's {@code event_id}, stored with it for inspection
 * @param coalesceKey when set, a newer message with the same key replaces an older one not yet sent (retained state
 *                    topics, where only the latest value matters)
 * @param bulk        a high-volume event (presence, PTT, location): when the queue is full these go first, so that a
 *                    burst of them (every unit's presence when a link logs on) cannot push out a request's reply or
 *                    a link's state
 */
public record Delivery(boolean durable, String eventId, String coalesceKey, boolean bulk) {
    private static final Delivery BEST_EFFORT = new Delivery(false, null, null, false);
    private static final Delivery BULK = new Delivery(false, null, null, true);

    /** Held in memory only: lost on restart; when the queue is full it goes after every bulk message. */
    public static Delivery bestEffort() {
        return BEST_EFFORT;
    }

    /** Held in memory only, and the first to go when the queue is full. */
    public static Delivery bulkEvent() {
        return BULK;
    }

    public static Delivery durable(String eventId) {
        return new Delivery(true, eventId, null, false);
    }

    /** Durable, and superseded by a newer message on the same topic. */
    public static Delivery latestOf(String topic) {
        return new Delivery(true, null, topic, false);
    }
}
