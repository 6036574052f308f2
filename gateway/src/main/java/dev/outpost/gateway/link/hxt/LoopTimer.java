package dev.outpost.gateway.link.hxt;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** At most one pending task on an event loop: scheduling again replaces it. Use on that loop only. */
final class LoopTimer {
    private final EventLoop loop;
    private ScheduledFuture<?> pending;

    LoopTimer(EventLoop loop) {
        this.loop = loop;
    }

    void schedule(long delayNanos, Runnable task) {
        cancel();
        pending = loop.schedule(() -> {
            pending = null;
            task.run();
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
