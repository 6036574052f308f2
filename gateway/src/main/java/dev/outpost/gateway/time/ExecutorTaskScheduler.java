package dev.outpost.gateway.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link TaskScheduler}: one daemon thread that is both the executor and the timer.
 * The composition root owns it and calls {@link #close()} at shutdown.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;
    private volatile Thread owner;

    public ExecutorTaskScheduler(String threadName) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            owner = thread;
            return thread;
        });
        // A running muster re-arms its timer after most events, cancelling the previous one: without this a city
        // muster leaves tens of thousands of cancelled timers in the queue, each costing every later insertion.
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public boolean isOwnerThread() {
        return Thread.currentThread() == owner;
    }

    /** Stops the thread, waiting briefly for the running task; queued tasks are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
