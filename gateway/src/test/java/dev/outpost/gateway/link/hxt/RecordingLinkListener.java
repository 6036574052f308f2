package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkStatus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records what a link reports and waits (boundedly) for what a test expects. */
final class RecordingLinkListener implements LinkListener {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    final BlockingQueue<UnitEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<LinkStatus> statuses = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(UnitEvent event) {
        events.add(event);
    }

    @Override
    public void onStatus(LinkStatus status) {
        statuses.add(status);
    }

    /** Skips statuses until one matches; fails after five seconds. */
    LinkStatus awaitStatus(Predicate<LinkStatus> wanted, String what) throws InterruptedException {
        return await(statuses, wanted, "status " + what);
    }

    UnitEvent awaitEvent(Predicate<UnitEvent> wanted, String what) throws InterruptedException {
        return await(events, wanted, "event " + what);
    }

    private static <T> T await(BlockingQueue<T> queue, Predicate<T> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            T item = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within 5 s");
            }
            if (wanted.test(item)) {
                return item;
            }
        }
    }
}
