package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPacket;
import dev.outpost.protocol.hbp.HbpPeerSession;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.simulator.truth.GroundTruth;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated repeater logged in to a master as an HBP peer ({@link HbpPeerSession}), with its radios
 * ({@link SimRepeater}). Sans-I/O: datagrams come in through {@link #onDatagram}, go out through {@code toMaster}.
 * A station with a wrong passphrase gets MSTNAK (counted) and tries again after its retry delay, as MMDVMHost does.
 */
final class SimBaseStation {
    private static final Logger LOG = LoggerFactory.getLogger(SimBaseStation.class);

    private final BaseStationSpec spec;
    private final HbpPeerSession session;
    private final SimRepeater repeater;
    private final DmrScheduler scheduler;
    private final DmrCounters counters;
    private final Consumer<byte[]> toMaster;
    private final SessionTimer timer;
    private volatile HbpPeerState state = HbpPeerState.IDLE;

    SimBaseStation(BaseStationSpec spec, Duration pingInterval, Collection<SimRadio> radios, Set<Integer> talkgroups,
            DmrScheduler scheduler, GroundTruth truth, DmrCounters counters, Consumer<byte[]> toMaster) {
        this.spec = spec;
        this.session = new HbpPeerSession(new HbpPeerSessionConfig(spec.peerId(), spec.passphrase(),
                spec.peerConfig(), null, pingInterval, pingInterval, pingInterval.multipliedBy(6), pingInterval));
        this.scheduler = scheduler;
        this.counters = counters;
        this.toMaster = toMaster;
        this.timer = new SessionTimer(scheduler);
        this.repeater = new SimRepeater(spec.peerId(), spec.colourCode(), AirTime.phaseOf(spec.peerId()), radios,
                talkgroups, scheduler, truth, counters, this::toNetwork);
    }

    BaseStationSpec spec() {
        return spec;
    }

    SimRepeater repeater() {
        return repeater;
    }

    /** The login state; readable from any thread. */
    HbpPeerState state() {
        return state;
    }

    void start() {
        long now = scheduler.now();
        handle(session.start(now), now);
    }

    /** A datagram from the master, read at {@code receivedNanos}. */
    void onDatagram(byte[] datagram, long receivedNanos) {
        HbpPacket packet = HbpCodec.decode(datagram);
        if (packet instanceof HbpPacket.Nak) {
            counters.naks.incrementAndGet();
        }
        handle(session.receive(packet, receivedNanos), receivedNanos);
    }

    void close() {
        handle(session.close("simulator stopped"), scheduler.now());
    }

    private void toNetwork(Dmrd dmrd) {
        if (session.state() == HbpPeerState.RUNNING) {
            toMaster.accept(session.send(dmrd).datagram());
        }
    }

    /** {@code at}: when what caused the outputs happened (a datagram's read, a timer). */
    private void handle(List<HbpOutput> outputs, long at) {
        for (HbpOutput output : outputs) {
            if (output instanceof HbpOutput.Send send) {
                toMaster.accept(send.datagram());
            } else if (output instanceof HbpOutput.Deliver deliver) {
                repeater.fromNetwork(deliver.dmrd(), at);
            } else if (output instanceof HbpOutput.StateChanged changed) {
                onStateChanged(changed);
            } else if (output instanceof HbpOutput.InvalidPacket || output instanceof HbpOutput.ProtocolError) {
                counters.invalid.incrementAndGet();
                LOG.debug("station {}: {}", spec.peerId(), output);
            }
        }
        timer.arm(session.pollTimeout(), () -> {
            long now = scheduler.now();
            handle(session.handleTimeout(now), now);
        });
    }

    private void onStateChanged(HbpOutput.StateChanged changed) {
        boolean wasRunning = state == HbpPeerState.RUNNING;
        state = session.state();
        if (state == HbpPeerState.RUNNING && !wasRunning) {
            counters.stationsRunning.incrementAndGet();
        } else if (state != HbpPeerState.RUNNING && wasRunning) {
            counters.stationsRunning.decrementAndGet();
        }
        LOG.info("base station {} ({}): {} -> {} ({})", spec.callsign(), spec.peerId(), changed.from(), changed.to(),
                changed.reason());
    }
}
