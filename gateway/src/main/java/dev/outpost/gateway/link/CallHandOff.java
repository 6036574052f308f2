package dev.outpost.gateway.link;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands calls from the core thread to a link's event loop, which places them a few per turn and reads its sockets in
 * between.
 *
 * <p>Why: the loop that places calls is the one that stamps the answers. Handed over as one loop task each, a burst
 * of calls (a muster's start: every repeater slot's first radio check at once) ran back to back, and Netty reads its
 * sockets again only after up to 64 tasks, so answers that arrived meanwhile were stamped late: traced with the
 * kernel's scheduler events, the network thread ran 8 ms on end placing calls while three answers waited, read
 * 4-15 ms late (docs/BENCHMARKS.md, "Real-time stamping threads"). Here at most {@link #PER_TURN} calls are placed
 * per turn; the rest wait for a scheduled task, which Netty runs only after its next poll of the sockets.
 *
 * @param <C> a call as the link places it
 */
public final class CallHandOff<C> {
    /** Calls placed per turn of the loop; each costs tens of microseconds, so a read waits well under a millisecond. */
    static final int PER_TURN = 4;

    /** Places one call on the loop; completes {@code result} (a receipt or an error) now or later. */
    @FunctionalInterface
    public interface Placer<C> {
        void place(C call, CompletableFuture<CallReceipt> result);
    }

    private record Pending<C>(C call, CompletableFuture<CallReceipt> result) {
    }

    private final EventLoop loop;
    private final String linkId;
    private final Placer<C> placer;
    private final ConcurrentLinkedQueue<Pending<C>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean turnScheduled = new AtomicBoolean();

    public CallHandOff(EventLoop loop, String linkId, Placer<C> placer) {
        this.loop = loop;
        this.linkId = linkId;
        this.placer = placer;
    }

    /** Queues {@code call}; safe from any thread. The future fails at once if the loop is shut down. */
    public CompletableFuture<CallReceipt> submit(C call) {
        CompletableFuture<CallReceipt> result = new CompletableFuture<>();
        pending.add(new Pending<>(call, result));
        if (turnScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this::turn);
            } catch (RejectedExecutionException e) {
                turnScheduled.set(false);
                failAll();
            }
        }
        return result;
    }

    private void turn() {
        for (int i = 0; i < PER_TURN; i++) {
            Pending<C> next = pending.poll();
            if (next == null) {
                break;
            }
            try {
                placer.place(next.call(), next.result());
            } catch (RuntimeException e) {
                next.result().completeExceptionally(e);
            }
        }
        if (pending.isEmpty()) {
            turnScheduled.set(false);
            // A call queued between the poll and the reset would otherwise wait for the next submit.
            if (pending.isEmpty() || !turnScheduled.compareAndSet(false, true)) {
                return;
            }
        }
        try {
            // Scheduled, not executed: Netty runs it after it has polled the sockets again.
            loop.schedule(this::turn, 0, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            turnScheduled.set(false);
            failAll();
        }
    }

    private void failAll() {
        Pending<C> p;
        while ((p = pending.poll()) != null) {
            p.result().completeExceptionally(new LinkUnavailableException(linkId, "event loop is shut down"));
        }
    }
}
