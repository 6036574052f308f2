package dev.outpost.gateway.journal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded hand-off between submitters and the writer thread. Producers block while it is full
 * (back-pressure rather than loss); once closed it accepts nothing, and the consumer takes what is
 * left before it learns the queue is done.
 */
final class WriteQueue {

    private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<PendingWrite<?>> items = new ArrayDeque<>();
    private final int capacity;
    private boolean closed;
    private boolean fullEpisode;
    private long blockedPuts;
    private volatile Thread consumer;

    WriteQueue(int capacity) {
        this.capacity = capacity;
    }

    /** The writer thread; what it submits itself (from a completion callback) never waits for room. */
    void consumer(Thread thread) {
        consumer = thread;
    }

    /** Adds a write, waiting for room while full; false if the queue is (or became) closed. */
    boolean put(PendingWrite<?> write) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (!closed && items.size() >= capacity && Thread.currentThread() != consumer) {
                blockedPuts++;
                if (!fullEpisode) {
                    fullEpisode = true;
                    log.warn("Journal write queue is full ({} ops waiting); submitters wait until the disk "
                            + "catches up", items.size());
                }
                while (!closed && items.size() >= capacity) {
                    notFull.await();
                }
            }
            if (closed) {
                return false;
            }
            items.addLast(write);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for at least one write, then moves it and up to {@code max - 1} more into {@code batch}
     * without waiting further. Returns 0 only when the queue is closed and empty.
     */
    int take(List<PendingWrite<?>> batch, int max) {
        lock.lock();
        try {
            while (items.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            int taken = 0;
            while (taken < max && !items.isEmpty()) {
                batch.add(items.pollFirst());
                taken++;
            }
            if (taken > 0) {
                notFull.signalAll();
            }
            if (items.isEmpty() && fullEpisode) {
                fullEpisode = false;
                log.info("Journal write queue drained after being full");
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Accepts nothing more; producers waiting for room give up, the consumer drains what is left. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    long blockedPuts() {
        lock.lock();
        try {
            return blockedPuts;
        } finally {
            lock.unlock();
        }
    }
}
