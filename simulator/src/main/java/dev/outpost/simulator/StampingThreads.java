package dev.outpost.simulator;

import java.util.concurrent.ThreadFactory;

/**
 * Makes the simulator's threads that stamp the ground truth (the hxt server's event loop, the DMR loop): when a call
 * was heard and a reply sent. A stamp taken late, by a thread waiting for a core, makes the truth wrong by that wait,
 * so whoever starts the simulator may hand in threads with real-time priority (the gateway's {@code TimingThreads}).
 */
@FunctionalInterface
public interface StampingThreads {
    /** A factory of daemon threads named after {@code name}. */
    ThreadFactory named(String name);

    /** Ordinary daemon threads. */
    static StampingThreads plain() {
        return name -> new io.netty.util.concurrent.DefaultThreadFactory(name, true);
    }
}
