package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.HbpPeerState;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A started DMR simulator. Thread-safe; {@link #close()} sends RPTCL/MSTCL, stops the thread, frees the ports. */
public final class RunningDmrSim implements AutoCloseable {
    /** One base station as it stands now. */
    public record StationStatus(long peerId, String callsign, HbpPeerState state, int radios) {
    }

    private final DmrUdpLoop loop;
    private final List<SimBaseStation> stations;
    private final SimMaster master;
    private final InetSocketAddress masterAddress;
    private final DmrCounters counters;
    private boolean closed;

    RunningDmrSim(DmrUdpLoop loop, List<SimBaseStation> stations, SimMaster master, InetSocketAddress masterAddress,
            DmrCounters counters) {
        this.loop = loop;
        this.stations = List.copyOf(stations);
        this.master = master;
        this.masterAddress = masterAddress;
        this.counters = counters;
    }

    /** Where the simulated master listens, or empty if none was configured. */
    public Optional<InetSocketAddress> simulatedMasterAddress() {
        return Optional.ofNullable(masterAddress);
    }

    public List<StationStatus> stations() {
        return stations.stream().map(s -> new StationStatus(s.spec().peerId(), s.spec().callsign(), s.state(),
                s.repeater().radios().size())).toList();
    }

    public DmrSimStats stats() {
        return counters.snapshot();
    }

    /** Where the radio {@code dmrId} lives: behind a base station or the simulated master (stations first). */
    public Optional<RadioPlace> placeOf(int dmrId) {
        return call(() -> repeaters().stream().flatMap(r -> r.radios().stream()
                .filter(radio -> radio.dmrId() == dmrId).map(radio -> new RadioPlace(r.peerId(), radio.slot())))
                .findFirst());
    }

    /**
     * The radios key up now, all in one instant, on {@code talkgroup} for {@code superframes} x 360 ms: radios on
     * the same slot start in the same burst and collide. Returns how many of them were found.
     */
    public int keyUp(int talkgroup, int superframes, int... dmrIds) {
        return call(() -> {
            int found = 0;
            for (int dmrId : dmrIds) {
                for (SimRepeater repeater : repeaters()) {
                    if (repeater.keyUp(dmrId, talkgroup, superframes)) {
                        found++;
                        break;
                    }
                }
            }
            return found;
        });
    }

    /**
     * The dispatcher {@code dispatcherId} (a console radio, no unit) speaks now on {@code talkgroup} for
     * {@code superframes} x 360 ms, on every slot that has radios: a wide-area talkgroup, carried to each site by the
     * radio network. Each repeater puts the call on air (as any transmission: it waits if the slot is busy), sends it
     * to its master, and when it ends there, the radios on that slot answer by keying up. Returns the slots it went
     * out on.
     */
    public int dispatch(int dispatcherId, int talkgroup, int superframes) {
        return call(() -> {
            int slots = 0;
            for (SimRepeater repeater : repeaters()) {
                for (int slot = 1; slot <= 2; slot++) {
                    int s = slot;
                    if (repeater.radios().stream().anyMatch(r -> r.slot() == s)) {
                        repeater.dispatch(dispatcherId, talkgroup, slot, superframes);
                        slots++;
                    }
                }
            }
            return slots;
        });
    }

    private List<SimRepeater> repeaters() {
        List<SimRepeater> out = new ArrayList<>();
        stations.forEach(s -> out.add(s.repeater()));
        if (master != null) {
            out.add(master.repeater());
        }
        return out;
    }

    /** Runs {@code work} on the simulator's thread and waits (bounded) for its result. */
    private <T> T call(java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the DMR simulator did not answer", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.stop(() -> {
            stations.forEach(SimBaseStation::close);
            if (master != null) {
                master.close();
            }
        });
    }
}
