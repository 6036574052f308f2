package dev.outpost.gateway.link.serial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread factory that remembers what it made, so tests can check that close() stopped everything. */
final class RecordingThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    RecordingThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        made.add(thread);
        return thread;
    }

    int made() {
        return made.size();
    }

    /** Threads still alive (a close() that worked leaves none). */
    List<String> alive() {
        return made.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
