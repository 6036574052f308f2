package dev.outpost.gateway.time;

import java.util.concurrent.Executor;

/**
 * Runs tasks on one owning thread, now or after a delay measured on the gateway clock.
 *
 * <p>Components that confine their state to one thread (the gateway's core executor) use this both
 * to hop back onto that thread ({@link #execute}) and to arm their timers ({@link #schedule}).
 * Tests use {@link VirtualScheduler}, which runs in virtual time.
 */
public interface TaskScheduler extends Executor {

    /** Runs {@code task} once, {@code delayNanos} from now (0 or less: as soon as possible). */
    Cancellable schedule(long delayNanos, Runnable task);

    /** Queues {@code task} to run as soon as possible on the owning thread. Safe from any thread. */
    @Override
    void execute(Runnable task);

    /** Whether the calling thread is the one this scheduler runs its tasks on. */
    boolean isOwnerThread();

    /** Throws {@link IllegalStateException} unless called on the owning thread; guards thread-confined state. */
    default void checkOwnerThread() {
        if (!isOwnerThread()) {
            throw new IllegalStateException("must be called on the scheduler's thread, not "
                    + Thread.currentThread().getName());
        }
    }
}
