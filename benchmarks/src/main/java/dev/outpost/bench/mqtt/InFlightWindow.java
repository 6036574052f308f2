package dev.outpost.bench.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The QoS 1 messages a client has published and the broker has not yet acknowledged: at most {@code size} at once,
 * each under a packet identifier (1..65,535) that no other unacknowledged message holds. {@link #acquire()} blocks
 * while the window is full; {@link #release(int)} is called with the identifier of each PUBACK.
 */
final class InFlightWindow {
    static final int MAX_PACKET_ID = 65_535;

    private final int size;
    private final Semaphore free;
    private final boolean[] held = new boolean[MAX_PACKET_ID + 1];
    private int next = 1;

    InFlightWindow(int size) {
        if (size < 1 || size > MAX_PACKET_ID) {
            throw new IllegalArgumentException("window must be 1.." + MAX_PACKET_ID + ": " + size);
        }
        this.size = size;
        this.free = new Semaphore(size);
    }

    int size() {
        return size;
    }

    /** Waits for room in the window, then returns a packet identifier no unacknowledged message holds. */
    int acquire() throws InterruptedException {
        free.acquire();
        return take();
    }

    /** As {@link #acquire()}, giving up after {@code timeoutMillis}: then 0 (never a valid identifier). */
    int tryAcquire(long timeoutMillis) throws InterruptedException {
        return free.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS) ? take() : 0;
    }

    /** The broker acknowledged {@code packetId}; false if it was not in flight (a protocol error). */
    synchronized boolean release(int packetId) {
        if (packetId < 1 || packetId > MAX_PACKET_ID || !held[packetId]) {
            return false;
        }
        held[packetId] = false;
        free.release();
        return true;
    }

    int inFlight() {
        return size - free.availablePermits();
    }

    /** A permit guarantees a free identifier: at most {@code size} <= 65,535 are held. */
    private synchronized int take() {
        while (held[next]) {
            next = next == MAX_PACKET_ID ? 1 : next + 1;
        }
        int id = next;
        held[id] = true;
        next = next == MAX_PACKET_ID ? 1 : next + 1;
        return id;
    }
}
