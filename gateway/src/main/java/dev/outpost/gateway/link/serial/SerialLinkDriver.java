package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.time.GatewayClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one radio port: opens it, hands what it reads to the listener, writes through a single writer in order,
 * notices when the port is lost and reopens it with jittered exponential backoff, until {@link #close()}.
 *
 * <p>Threads, all from the given factory: an opener thread (opens, waits for the loss, backs off) and a writer
 * thread, plus the opener's own reader (one per local connection). {@link #close()} stops them all, waiting at
 * most {@link SerialDriverOptions#closeWait()} for each.
 */
public final class SerialLinkDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLinkDriver.class);

    private record PendingWrite(OpenConnection target, byte[] bytes) {
    }

    private final String name;
    private final SerialPortOpener opener;
    private final SerialLinkListener listener;
    private final SerialDriverOptions options;
    private final GatewayClock clock;
    private final BlockingQueue<PendingWrite> writes;
    private final Thread openerThread;
    private final Thread writerThread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object callbackLock = new Object();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong writesRejected = new AtomicLong();
    private final AtomicLong writesDiscarded = new AtomicLong();
    private volatile OpenConnection current;
    private volatile boolean closed;
    private volatile boolean started;
    // Guarded by callbackLock.
    private LinkState state = LinkState.DOWN;
    private String detail = "not started";
    private Instant since;
    private long reopens;

    public SerialLinkDriver(String name, SerialPortOpener opener, SerialLinkListener listener,
            SerialDriverOptions options, GatewayClock clock, ThreadFactory threads) {
        this.name = name;
        this.opener = opener;
        this.listener = listener;
        this.options = options;
        this.clock = clock;
        this.since = clock.wallNow();
        this.writes = new ArrayBlockingQueue<>(options.writeQueueSize());
        this.openerThread = threads.newThread(this::openLoop);
        this.writerThread = threads.newThread(this::writeLoop);
    }

    /** Starts opening the port (reported as {@code CONNECTING}); returns at once. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("serial driver " + name + " already " + (closed ? "closed" : "started"));
        }
        started = true;
        writerThread.start();
        openerThread.start();
    }

    /** The port's line settings, for byte timing: {@code settings().wireTimeNanos(n)}. */
    public SerialSettings settings() {
        return opener.settings();
    }

    /**
     * Queues bytes for the port, behind earlier writes (the array is copied). Bytes queued while the port is up
     * are discarded if it goes down before they are written: a link restarts its protocol after a reopen.
     */
    public WriteOutcome write(byte[] bytes) {
        if (closed) {
            return WriteOutcome.CLOSED;
        }
        OpenConnection target = current;
        if (target == null) {
            return WriteOutcome.NOT_CONNECTED;
        }
        if (!writes.offer(new PendingWrite(target, bytes.clone()))) {
            writesRejected.incrementAndGet();
            return WriteOutcome.QUEUE_FULL;
        }
        return WriteOutcome.QUEUED;
    }

    public SerialDriverStats stats() {
        synchronized (callbackLock) {
            return new SerialDriverStats(state, since, detail, opener.endpoint().describe(), reopens, bytesIn.get(),
                    bytesOut.get(), writesRejected.get(), writesDiscarded.get());
        }
    }

    private void openLoop() {
        int failures = 0;
        boolean everUp = false;
        report(LinkState.CONNECTING, "opening " + opener.endpoint().describe() + " at " + settings().describe());
        while (!closed) {
            OpenConnection attempt = new OpenConnection(this::deliver);
            SerialConnection connection;
            try {
                connection = opener.open(attempt);
            } catch (SerialOpenException | RuntimeException e) {
                if (!closed) {
                    report(LinkState.DOWN, e.getMessage() != null ? e.getMessage() : e.toString());
                }
                pause(options.reopen().delay(++failures, ThreadLocalRandom.current()::nextDouble));
                continue;
            }
            attempt.attach(connection);
            long upAt = clock.monotonicNanos();
            synchronized (callbackLock) {
                if (closed) {
                    connection.close();
                    break;
                }
                current = attempt;
                reopens += everUp ? 1 : 0;
                everUp = true;
                report(LinkState.UP, "open: " + opener.endpoint().describe() + " at " + settings().describe());
            }
            connection.startReading();
            awaitEnd(attempt);
            current = null;
            connection.close();
            int discarded = discardQueued();
            if (closed) {
                break;
            }
            report(LinkState.DOWN, attempt.endReason() + (discarded > 0 ? "; " + discarded + " queued writes discarded" : ""));
            boolean wasStable = clock.monotonicNanos() - upAt >= options.reopen().max().toNanos();
            failures = wasStable ? 1 : failures + 1;
            pause(options.reopen().delay(failures, ThreadLocalRandom.current()::nextDouble));
        }
    }

    private void awaitEnd(OpenConnection attempt) {
        try {
            while (!closed && !attempt.awaitEnd(Long.MAX_VALUE)) {
                // spurious: keep waiting
            }
        } catch (InterruptedException e) {
            // close() interrupts; the loop condition sees closed
        }
    }

    private void deliver(OpenConnection from, ReceivedChunk chunk) {
        synchronized (callbackLock) {
            if (from != current || closed) {
                return; // read after the loss or close was decided: the link has already been told DOWN
            }
            bytesIn.addAndGet(chunk.bytes().length);
            try {
                listener.received(chunk);
            } catch (RuntimeException e) {
                LOG.error("serial {}: listener failed on {} received bytes; they are lost", name, chunk.bytes().length, e);
            }
        }
    }

    private void writeLoop() {
        while (!closed) {
            PendingWrite next;
            try {
                next = writes.take();
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop condition decides
            }
            if (next.target() != current) {
                writesDiscarded.incrementAndGet();
                continue;
            }
            try {
                next.target().connection().write(next.bytes());
                bytesOut.addAndGet(next.bytes().length);
            } catch (IOException | RuntimeException e) {
                next.target().end("write failed: " + e.getMessage());
            }
        }
    }

    private int discardQueued() {
        int discarded = writes.size();
        writes.clear();
        writesDiscarded.addAndGet(discarded);
        return discarded;
    }

    /** Reports a state change; a repeated DOWN with the same detail is not reported again. */
    private void report(LinkState newState, String newDetail) {
        synchronized (callbackLock) {
            if (newState == state && newDetail.equals(detail)) {
                return;
            }
            if (newState == LinkState.DOWN) {
                LOG.warn("serial {} down: {}", name, newDetail);
            } else {
                LOG.info("serial {} {}: {}", name, newState.wireName(), newDetail);
            }
            state = newState;
            detail = newDetail;
            since = clock.wallNow();
            try {
                listener.stateChanged(newState, newDetail);
            } catch (RuntimeException e) {
                LOG.error("serial {}: listener failed on state {}", name, newState, e);
            }
        }
    }

    private void pause(Duration delay) {
        try {
            closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // close() interrupts; the caller's loop sees closed
        }
    }

    /** Stops reopening, closes the port, stops all threads (bounded waits) and reports {@code DOWN} "closed". */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closing.countDown();
        OpenConnection open = current;
        if (open != null) {
            open.end("closed");
        }
        for (Thread thread : new Thread[] {openerThread, writerThread}) {
            if (thread.isAlive()) {
                thread.interrupt();
                join(thread);
            }
        }
        report(LinkState.DOWN, "closed");
    }

    private void join(Thread thread) {
        try {
            thread.join(options.closeWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("serial {}: thread {} did not stop within {}", name, thread.getName(), options.closeWait());
        }
    }
}
