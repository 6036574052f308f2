package dev.outpost.gateway.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link TaskScheduler} in virtual time, driven by a {@link ManualClock}: nothing runs until the
 * test calls {@link #runDue()} or {@link #advance(Duration)}. Tasks due at the same instant run in
 * the order they were scheduled. The owning thread is the one that created the scheduler.
 *
 * <p>{@link #execute} may be called from other threads (as a link's completion would); the task then
 * waits for the next {@code runDue}/{@code advance} on the owning thread.
 */
public final class VirtualScheduler implements TaskScheduler {
    private final ManualClock clock;
    private final Thread owner = Thread.currentThread();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long sequence;

    public VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    public ManualClock clock() {
        return clock;
    }

    @Override
    public synchronized Cancellable schedule(long delayNanos, Runnable task) {
        Timer timer = new Timer(clock.monotonicNanos() + Math.max(0, delayNanos), sequence++, task);
        timers.add(timer);
        return () -> {
            synchronized (VirtualScheduler.this) {
                timers.remove(timer);
            }
        };
    }

    @Override
    public void execute(Runnable task) {
        schedule(0, task);
    }

    @Override
    public boolean isOwnerThread() {
        return Thread.currentThread() == owner;
    }

    /** Runs every task due at the current virtual instant, including tasks those tasks queue for now. */
    public void runDue() {
        checkOwnerThread();
        Runnable next;
        while ((next = pollDue(clock.monotonicNanos())) != null) {
            next.run();
        }
    }

    /** Moves virtual time forward by {@code d}, stopping at each timer on the way to run it at its instant. */
    public void advance(Duration d) {
        advanceTo(clock.monotonicNanos() + d.toNanos());
    }

    /** Moves virtual time to {@code targetNanos}, running timers at their instants on the way. */
    public void advanceTo(long targetNanos) {
        checkOwnerThread();
        runDue();
        while (true) {
            Long due = nextDueNanos();
            if (due == null || due > targetNanos) {
                break;
            }
            clock.advanceTo(Math.max(due, clock.monotonicNanos()));
            runDue();
        }
        clock.advanceTo(Math.max(targetNanos, clock.monotonicNanos()));
        runDue();
    }

    /** The instant of the earliest scheduled task, or null when none is scheduled. */
    public synchronized Long nextDueNanos() {
        Timer head = timers.peek();
        return head == null ? null : head.dueNanos;
    }

    public synchronized int pendingTasks() {
        return timers.size();
    }

    private synchronized Runnable pollDue(long now) {
        Timer head = timers.peek();
        if (head == null || head.dueNanos > now) {
            return null;
        }
        return timers.poll().task;
    }

    private record Timer(long dueNanos, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
