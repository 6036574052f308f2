package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpMasterSession;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPacket;
import dev.outpost.simulator.truth.GroundTruth;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated HBP master for Outpost's peer role: one {@link HbpMasterSession} per peer, its radios on two slots
 * ({@link SimRepeater}). A connected peer gets every burst its radios send (talkgroup traffic and answers); what
 * the peer sends (radio checks, call alerts, calls) goes on air to the radios. As HBlink3, traffic for a peer id
 * from another address than the one that logged in is ignored. Sans-I/O apart from {@code send}.
 */
final class SimMaster {
    private static final Logger LOG = LoggerFactory.getLogger(SimMaster.class);

    private record Peer(HbpMasterSession session, InetSocketAddress address, SessionTimer timer) {
    }

    private final SimMasterSpec spec;
    private final HbpMasterSessionConfig sessionConfig;
    private final DmrScheduler scheduler;
    private final DmrCounters counters;
    private final BiConsumer<byte[], InetSocketAddress> send;
    private final SimRepeater repeater;
    private final SplittableRandom random;
    private final Map<Long, Peer> peers = new HashMap<>();

    SimMaster(SimMasterSpec spec, HbpMasterSessionConfig sessionConfig, Collection<SimRadio> radios,
            Set<Integer> talkgroups, long seed, DmrScheduler scheduler, GroundTruth truth, DmrCounters counters,
            BiConsumer<byte[], InetSocketAddress> send) {
        this.spec = spec;
        this.sessionConfig = sessionConfig;
        this.scheduler = scheduler;
        this.counters = counters;
        this.send = send;
        this.random = new SplittableRandom(seed ^ spec.masterId());
        this.repeater = new SimRepeater(spec.masterId(), spec.colourCode(), radios, talkgroups, scheduler, truth,
                counters, this::toPeers);
    }

    SimRepeater repeater() {
        return repeater;
    }

    /** Starts the background talkgroup traffic, if configured. */
    void start() {
        if (!spec.trafficInterval().isZero()) {
            scheduler.at(scheduler.now() + spec.trafficInterval().toNanos(), this::backgroundKeyUp);
        }
    }

    /** A datagram from {@code from}, read at {@code receivedNanos}. */
    void onDatagram(byte[] datagram, InetSocketAddress from, long receivedNanos) {
        HbpPacket packet = HbpCodec.decode(datagram);
        long peerId = peerIdOf(packet);
        Peer peer = peers.get(peerId);
        if (packet instanceof HbpPacket.Login && (peer == null || peer.session().state().terminal()
                || !peer.address().equals(from))) {
            peer = new Peer(new HbpMasterSession(sessionConfig, peerId, spec.passphrase(), random::nextLong,
                    receivedNanos), from, new SessionTimer(scheduler));
            forget(peers.put(peerId, peer));
        }
        if (peer == null || !peer.address().equals(from)) {
            counters.invalid.incrementAndGet();
            return;
        }
        handle(peer, peer.session().receive(packet, receivedNanos), receivedNanos);
    }

    /** Closes every peer's session (MSTCL to the logged-in ones). */
    void close() {
        for (Peer peer : List.copyOf(peers.values())) {
            handle(peer, peer.session().close("simulator stopped"), scheduler.now());
        }
    }

    /** {@code at}: when what caused the outputs happened (a datagram's read, a timer). */
    private void handle(Peer peer, List<HbpOutput> outputs, long at) {
        HbpMasterSession session = peer.session();
        for (HbpOutput output : outputs) {
            if (output instanceof HbpOutput.Send out) {
                send.accept(out.datagram(), peer.address());
            } else if (output instanceof HbpOutput.Deliver deliver) {
                repeater.fromNetwork(deliver.dmrd(), at);
            } else if (output instanceof HbpOutput.StateChanged changed && peers.get(session.peerId()) == peer) {
                onStateChanged(session, changed); // a replaced session was uncounted by forget()
            } else if (output instanceof HbpOutput.InvalidPacket || output instanceof HbpOutput.ProtocolError
                    || output instanceof HbpOutput.Refused) {
                counters.invalid.incrementAndGet();
                LOG.debug("simulated master, peer {}: {}", session.peerId(), output);
            }
        }
        if (session.state().terminal()) {
            peers.remove(session.peerId(), peer);
        } else {
            peer.timer().arm(session.pollTimeout(), () -> {
                long now = scheduler.now();
                handle(peer, session.handleTimeout(now), now);
            });
        }
    }

    private void onStateChanged(HbpMasterSession session, HbpOutput.StateChanged changed) {
        if (changed.to() == HbpMasterState.CONNECTED && changed.from() != HbpMasterState.CONNECTED) {
            counters.peersConnected.incrementAndGet();
        } else if (changed.from() == HbpMasterState.CONNECTED && changed.to() != HbpMasterState.CONNECTED) {
            counters.peersConnected.decrementAndGet();
        }
        LOG.info("simulated master, peer {}: {} -> {} ({})", session.peerId(), changed.from(), changed.to(),
                changed.reason());
    }

    private void forget(Peer replaced) {
        if (replaced != null && replaced.session().state() == HbpMasterState.CONNECTED) {
            counters.peersConnected.decrementAndGet();
        }
    }

    private void toPeers(Dmrd dmrd) {
        for (Peer peer : peers.values()) {
            if (peer.session().state() == HbpMasterState.CONNECTED) {
                send.accept(peer.session().send(dmrd).datagram(), peer.address());
            }
        }
    }

    private void backgroundKeyUp() {
        List<SimRadio> online = repeater.radios().stream().filter(SimRadio::online).toList();
        if (!online.isEmpty()) {
            SimRadio radio = online.get(random.nextInt(online.size()));
            repeater.keyUp(radio.dmrId(), spec.trafficTalkgroup(), radio.voiceSuperframes());
        }
        scheduler.at(scheduler.now() + spec.trafficInterval().toNanos(), this::backgroundKeyUp);
    }

    private static long peerIdOf(HbpPacket packet) {
        if (packet instanceof HbpPacket.Login p) {
            return p.peerId();
        } else if (packet instanceof HbpPacket.AuthKey p) {
            return p.peerId();
        } else if (packet instanceof HbpPacket.Config p) {
            return p.peerId();
        } else if (packet instanceof HbpPacket.Options p) {
            return p.peerId();
        } else if (packet instanceof HbpPacket.Ping p) {
            return p.peerId();
        } else if (packet instanceof HbpPacket.PeerClose p) {
            return p.peerId();
        } else if (packet instanceof Dmrd p) {
            return p.peerId();
        }
        return -1;
    }
}
