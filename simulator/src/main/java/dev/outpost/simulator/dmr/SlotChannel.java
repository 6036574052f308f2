package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.Dmrd;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One timeslot of a simulated repeater: one transmission at a time, burst by burst (see {@link AirTime}).
 * Sans-I/O: time and timers come from a {@link DmrScheduler}, events go to a {@link SlotListener}.
 *
 * <p>Access: at each burst boundary the slot, if free, goes to the radios that keyed up since the previous
 * boundary (radio traffic has priority over network traffic, as in MMDVMHost): one radio transmits cleanly; two
 * or more transmit together and are all garbled for the length of the longest (nothing reaches the network). If
 * no radio keyed up, the next queued downlink burst from the network goes on air, followed by
 * {@code holdBursts} bursts kept free for the addressed radio's answer (a radio check's ack). A radio keying up
 * while the slot is occupied or held hears it busy and does not transmit.
 */
final class SlotChannel {
    /** A burst from the network to put on air. {@code context} is the caller's, handed back in events. */
    record Downlink(Dmrd frame, int holdBursts, long arrivedNanos, Object context) {
        Downlink {
            Objects.requireNonNull(frame, "frame");
            if (holdBursts < 0) {
                throw new IllegalArgumentException("holdBursts must not be negative");
            }
        }
    }

    /** A radio's transmission: its bursts, one per 60 ms. */
    record Uplink(int source, List<Dmrd> bursts, Object context) {
        Uplink {
            bursts = List.copyOf(bursts);
            if (bursts.isEmpty()) {
                throw new IllegalArgumentException("a transmission has at least one burst");
            }
        }
    }

    private final int slot;
    private final long origin;
    private final DmrScheduler scheduler;
    private final SlotListener listener;
    private final ArrayDeque<Downlink> downlink = new ArrayDeque<>();
    private final Map<Long, List<Uplink>> contenders = new TreeMap<>();
    private long nextFree;
    private long lastArbitrated = -1;

    /** @param epochNanos the start of burst 0 of slot 1 */
    SlotChannel(int slot, long epochNanos, DmrScheduler scheduler, SlotListener listener) {
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2");
        }
        this.slot = slot;
        this.origin = epochNanos + (slot - 1) * AirTime.BURST_NANOS;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    int slot() {
        return slot;
    }

    long burstStart(long index) {
        return origin + index * AirTime.BURST_PERIOD_NANOS;
    }

    /** The first burst not yet on air or held: the slot is free from its start on. */
    long nextFreeBurst() {
        return nextFree;
    }

    int queuedDownlink() {
        return downlink.size();
    }

    /** Queues a burst from the network; it goes on air at the first free burst boundary. */
    void sendDownlink(Downlink item) {
        downlink.add(item);
        arm(Math.max(upcomingBurst(), nextFree));
    }

    /** A radio keys up now: it contends for the next burst boundary, or hears the slot busy. */
    void keyUp(Uplink uplink) {
        long k = upcomingBurst();
        if (k < nextFree) {
            listener.uplinkBusy(uplink, scheduler.now());
            return;
        }
        contenders.computeIfAbsent(k, x -> new ArrayList<>()).add(uplink);
        arm(k);
    }

    /** Transmits in bursts held for it (a radio check's ack), without contention. */
    void transmitHeld(Uplink uplink, long firstBurst) {
        if (firstBurst <= lastArbitrated || firstBurst >= nextFree) {
            throw new IllegalStateException("burst " + firstBurst + " is not held on slot " + slot);
        }
        nextFree = Math.max(nextFree, firstBurst + uplink.bursts().size());
        startBursts(uplink, firstBurst);
    }

    /** The first burst whose start is now or later and whose boundary has not been decided yet. */
    private long upcomingBurst() {
        long t = scheduler.now() - origin;
        long k = t <= 0 ? 0 : (t + AirTime.BURST_PERIOD_NANOS - 1) / AirTime.BURST_PERIOD_NANOS;
        return Math.max(k, lastArbitrated + 1);
    }

    private void arm(long k) {
        scheduler.at(burstStart(k), () -> arbitrate(k));
    }

    private void arbitrate(long k) {
        if (k <= lastArbitrated) {
            return; // decided already by an earlier task for the same boundary
        }
        lastArbitrated = k;
        List<Uplink> ready = contenders.remove(k);
        if (k < nextFree) {
            if (ready != null) {
                ready.forEach(u -> listener.uplinkBusy(u, scheduler.now()));
            }
        } else if (ready != null && ready.size() == 1) {
            nextFree = k + ready.get(0).bursts().size();
            startBursts(ready.get(0), k);
        } else if (ready != null) {
            collide(ready, k);
        } else if (!downlink.isEmpty()) {
            Downlink item = downlink.poll();
            nextFree = k + 1 + item.holdBursts();
            long start = burstStart(k);
            long end = start + AirTime.BURST_NANOS;
            scheduler.at(end, () -> listener.downlinkOnAir(item, k, start, end));
        }
        if (!downlink.isEmpty()) {
            arm(Math.max(k + 1, nextFree));
        }
    }

    private void startBursts(Uplink uplink, long k) {
        long airStart = burstStart(k);
        for (int i = 0; i < uplink.bursts().size(); i++) {
            int index = i;
            long end = burstStart(k + i) + AirTime.BURST_NANOS;
            scheduler.at(end, () -> listener.uplinkBurst(uplink, index, airStart, end));
        }
    }

    private void collide(List<Uplink> garbled, long k) {
        int longest = garbled.stream().mapToInt(u -> u.bursts().size()).max().orElse(1);
        nextFree = k + longest;
        long start = burstStart(k);
        long end = AirTime.end(start, longest);
        List<Uplink> all = List.copyOf(garbled);
        scheduler.at(end, () -> listener.uplinkCollided(all, start, end));
    }
}
