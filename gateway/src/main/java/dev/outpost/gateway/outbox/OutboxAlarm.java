package dev.outpost.gateway.outbox;

/**
 * The outbox alarm: raised when the caps made it evict undelivered durable messages, cleared when it is back
 * under 90 % of its size cap and a sweep found nothing too old.
 *
 * @param raised  whether the alarm is on
 * @param reason  what happened, for operators
 * @param evicted durable messages evicted since start
 * @param depth   undelivered durable messages now
 */
public record OutboxAlarm(boolean raised, String reason, long evicted, long depth) {
}
