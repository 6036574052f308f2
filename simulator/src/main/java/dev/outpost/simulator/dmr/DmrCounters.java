package dev.outpost.simulator.dmr;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters written on the simulator's thread and read from any other. */
final class DmrCounters {
    final AtomicInteger stationsRunning = new AtomicInteger();
    final AtomicLong naks = new AtomicLong();
    final AtomicInteger peersConnected = new AtomicInteger();
    final AtomicLong downlink = new AtomicLong();
    final AtomicLong uplink = new AtomicLong();
    final AtomicLong reached = new AtomicLong();
    final AtomicLong unanswerable = new AtomicLong();
    final AtomicLong collisions = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong gaveUp = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();

    DmrSimStats snapshot() {
        return new DmrSimStats(stationsRunning.get(), naks.get(), peersConnected.get(), downlink.get(), uplink.get(),
                reached.get(), unanswerable.get(), collisions.get(), busy.get(), gaveUp.get(), invalid.get());
    }
}
