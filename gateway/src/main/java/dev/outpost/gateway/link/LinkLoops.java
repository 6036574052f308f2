package dev.outpost.gateway.link;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/** What links that keep their state on one Netty event loop share. */
public final class LinkLoops {
    /** How long a caller waits for a link's stop to run on its loop. */
    private static final long STOP_WAIT_SECONDS = 5;

    private LinkLoops() {
    }

    /**
     * Runs a link's stop on its loop and waits for it (bounded), or at once when called on the loop; nothing when the
     * loop is already shutting down (it stops with it). Callers return only once the link is down.
     */
    public static void stopOn(EventLoop loop, Runnable stop) {
        if (loop.inEventLoop()) {
            stop.run();
        } else if (!loop.isShuttingDown()) {
            loop.submit(stop).awaitUninterruptibly(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
