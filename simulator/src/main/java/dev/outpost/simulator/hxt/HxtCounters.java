package dev.outpost.simulator.hxt;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of the hxt server, updated from event-loop threads and read from anywhere. */
final class HxtCounters {
    final AtomicLong rollCalls = new AtomicLong();
    final AtomicLong callsDelivered = new AtomicLong();
    final AtomicLong callsRefused = new AtomicLong();
    final AtomicLong acksSent = new AtomicLong();
    final AtomicLong acksLost = new AtomicLong();
    final AtomicLong invalidFrames = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
}
