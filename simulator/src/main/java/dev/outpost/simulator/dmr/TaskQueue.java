package dev.outpost.simulator.dmr;

import java.util.PriorityQueue;

/** Timers ordered by due time, then by insertion, so tasks due together run in the order they were added. */
final class TaskQueue {
    private record Task(long at, long order, Runnable run) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at - b.at, 0) : Long.compare(a.order, b.order));
    private long added;

    void add(long at, Runnable run) {
        tasks.add(new Task(at, added++, run));
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Due time of the next task; only valid when not empty. */
    long nextDue() {
        return tasks.peek().at;
    }

    /** Removes and returns the next task. */
    Runnable poll() {
        return tasks.poll().run;
    }

    int size() {
        return tasks.size();
    }
}
