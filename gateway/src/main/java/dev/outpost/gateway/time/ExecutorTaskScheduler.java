package dev.outpost.gateway.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link TaskScheduler}: one daemon thread that is both the executor and the timer.
 * The composition root owns it and calls {@link #close()} at shutdown.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;
    private volatile Thread owner;

    public ExecutorTaskScheduler(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            owner = thread;
            return thread;
        });
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
