package dev.outpost.gateway.mqtt;

/**
 * How hard the bridge tries to deliver a message.
 *
 * @param durable     kept in the journal's outbox until the broker confirms it, so it survives broker outages and
 *                    restarts (and may then arrive twice: consumers drop duplicates by {@code eventId})
 * @param eventId     the message's {@code event_id}, stored with it for inspection
 * @param coalesceKey when set, a newer message with the same key replaces an older one not yet sent (retained state
 *                    topics, where only the latest value matters)
 */
public record Delivery(boolean durable, String eventId, String coalesceKey) {
    private static final Delivery BEST_EFFORT = new Delivery(false, null, null);

    /** Held in memory only: lost on restart, and the first to go when the queue is full. */
    public static Delivery bestEffort() {
        return BEST_EFFORT;
    }

    public static Delivery durable(String eventId) {
        return new Delivery(true, eventId, null);
    }

    /** Durable, and superseded by a newer message on the same topic. */
    public static Delivery latestOf(String topic) {
        return new Delivery(true, null, topic);
    }
}
