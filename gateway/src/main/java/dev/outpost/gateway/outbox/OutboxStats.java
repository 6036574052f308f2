package dev.outpost.gateway.outbox;

/**
 * @param depth          undelivered durable messages (in memory, in flight or on disk only)
 * @param inMemory       messages waiting in memory (durable or not)
 * @param oldestAgeMillis age of the oldest undelivered durable message; 0 when there is none
 * @param evicted        durable messages evicted by the caps since start
 * @param shed           best-effort messages dropped for lack of room since start
 * @param onDiskOnly     whether a backlog is waiting on disk (more than memory holds)
 * @param alarm          whether the outbox alarm is raised
 */
public record OutboxStats(long depth, int inMemory, long oldestAgeMillis, long evicted, long shed, boolean onDiskOnly,
                          boolean alarm) {
}
