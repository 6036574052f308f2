package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpMasterSession;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HBP master for many base stations, sans-I/O: datagrams with their sender and receive stamp in, datagrams to
 * send out, unit events to {@link DmrTraffic}. One {@link HbpMasterSession} per peer id, bound to the address that
 * sent its RPTL (a new RPTL from elsewhere rebinds it, as when a repeater restarts behind NAT); datagrams naming
 * that peer from any other address are ignored. A peer with no passphrase configured, or a packet from a peer
 * without a session, gets MSTNAK. DMRD of a peer that is not connected (a wrong passphrase above all) is refused by
 * its session and never reaches {@link DmrTraffic}. Not thread-safe: the link drives it from one event loop.
 */
final class HbpMasterCore {
    private static final Logger log = LoggerFactory.getLogger(HbpMasterCore.class);

    /** A datagram to send. */
    record Outbound(InetSocketAddress to, byte[] datagram) {
    }

    /** What placing a call produced: the datagrams to send and the addresses no connected slot reaches. */
    record Placement(List<Outbound> datagrams, List<String> refused) {
    }

    private static final class Station {
        final HbpMasterSession session;
        InetSocketAddress address;

        Station(HbpMasterSession session, InetSocketAddress address) {
            this.session = session;
            this.address = address;
        }
    }

    private final HbpMasterOptions options;
    private final LongSupplier random;
    private final DmrTraffic traffic;
    private final HbpRouter router;
    private final StationBoard board;
    private final Map<Long, Station> stations = new HashMap<>();
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong framesOut = new AtomicLong();
    final AtomicLong framesInvalid = new AtomicLong();
    final AtomicLong framesRefused = new AtomicLong();

    /** @param random salts and stream ids (a secure random in production, a fixed sequence in tests) */
    HbpMasterCore(HbpMasterOptions options, LongSupplier random, DmrTraffic traffic, HbpRouter router,
            StationBoard board) {
        this.options = options;
        this.random = random;
        this.traffic = traffic;
        this.router = router;
        this.board = board;
    }

    List<Outbound> receive(InetSocketAddress from, byte[] datagram, Stamp at) {
        framesIn.incrementAndGet();
        HbpPacket packet = HbpCodec.decode(datagram);
        List<Outbound> out = new ArrayList<>();
        long peerId = peerIdOf(packet);
        if (peerId < 0) {
            framesInvalid.incrementAndGet();
            log.debug("hbp master {}: datagram from {} ignored: {}", options.id(), from, describe(packet));
            return out;
        }
        Station station = stations.get(peerId);
        if (packet instanceof HbpPacket.Login) {
            station = login(peerId, from, at, out);
            if (station == null) {
                return out;
            }
        } else if (station == null) {
            framesRefused.incrementAndGet();
            if (!(packet instanceof Dmrd)) {
                out.add(new Outbound(from, HbpCodec.encode(new HbpPacket.Nak(peerId)))); // makes it log in again
            }
            return out;
        } else if (!from.equals(station.address)) {
            framesRefused.incrementAndGet();
            log.debug("hbp master {}: peer {} named from {}, not its address: ignored", options.id(), peerId, from);
            return out;
        }
        apply(peerId, station, station.session.receive(packet, at.nanos()), at, out);
        return out;
    }

    List<Outbound> handleTimeout(Stamp now) {
        List<Outbound> out = new ArrayList<>();
        for (Map.Entry<Long, Station> e : new ArrayList<>(stations.entrySet())) {
            OptionalLong due = e.getValue().session.pollTimeout();
            if (due.isPresent() && now.nanos() - due.getAsLong() >= 0) {
                apply(e.getKey(), e.getValue(), e.getValue().session.handleTimeout(now.nanos()), now, out);
            }
        }
        traffic.expire(now.nanos());
        return out;
    }

    /** The next instant {@link #handleTimeout} has work. */
    OptionalLong pollTimeout() {
        OptionalLong next = traffic.nextDeadline();
        for (Station s : stations.values()) {
            OptionalLong due = s.session.pollTimeout();
            if (due.isPresent() && (next.isEmpty() || due.getAsLong() - next.getAsLong() < 0)) {
                next = due;
            }
        }
        return next;
    }

    /**
     * One radio check (POLL) or call alert (CONFIRM) per address, each on the slot {@link HbpRouter} picks; an
     * address that is no radio id or that no connected slot reaches is refused. VOICE is no call on DMR.
     */
    Placement place(CallRequest request) {
        if (request.method() == CallMethod.VOICE) {
            throw new UnsupportedOperationException("a voice muster is not a call on DMR: the dispatcher speaks on "
                    + "the talkgroup and key-ups are the acks");
        }
        List<Outbound> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String address : request.addresses()) {
            Optional<Integer> radio = radioId(address);
            Optional<HbpRouter.Route> route = radio.flatMap(router::route);
            Station station = route.map(r -> stations.get(r.slot().peerId())).orElse(null);
            if (station == null || station.session.state() != HbpMasterState.CONNECTED) {
                refused.add(address);
                continue;
            }
            DmrRoute dmr = new DmrRoute(route.get().slot().peerId(), route.get().slot().slot(),
                    route.get().colourCode(), true);
            long streamId = (random.getAsLong() & 0xFFFF_FFFEL) + 1;
            Dmrd frame = request.method() == CallMethod.POLL
                    ? DmrFrames.radioCheck(dmr, streamId, 0, options.radioId(), radio.get())
                    : DmrFrames.callAlert(dmr, streamId, 0, options.radioId(), radio.get());
            out.add(new Outbound(station.address, station.session.send(frame).datagram()));
            traffic.calls().sent(request.method(), radio.get(), request.callRef());
        }
        return new Placement(out, refused);
    }

    /** Closes every session (MSTCL to the logged-in ones). */
    List<Outbound> closeAll(String reason, Stamp at) {
        List<Outbound> out = new ArrayList<>();
        for (Map.Entry<Long, Station> e : new ArrayList<>(stations.entrySet())) {
            apply(e.getKey(), e.getValue(), e.getValue().session.close(reason), at, out);
        }
        return out;
    }

    private Station login(long peerId, InetSocketAddress from, Stamp at, List<Outbound> out) {
        Optional<String> passphrase = options.passphraseFor(peerId);
        if (passphrase.isEmpty()) {
            framesRefused.incrementAndGet();
            log.info("hbp master {}: peer {} at {} is not configured: MSTNAK", options.id(), peerId, from);
            out.add(new Outbound(from, HbpCodec.encode(new HbpPacket.Nak(peerId))));
            return null;
        }
        Station station = stations.get(peerId);
        if (station == null) {
            station = new Station(new HbpMasterSession(options.sessions(), peerId, passphrase.get(), random,
                    at.nanos()), from);
            stations.put(peerId, station);
        } else if (!from.equals(station.address)) {
            log.info("hbp master {}: peer {} logs in again from {} (was {})", options.id(), peerId, from,
                    station.address);
            router.disconnected(peerId);
            station.address = from;
        }
        return station;
    }

    private void apply(long peerId, Station station, List<HbpOutput> outputs, Stamp at, List<Outbound> out) {
        for (HbpOutput o : outputs) {
            if (o instanceof HbpOutput.Send send) {
                out.add(new Outbound(station.address, send.datagram()));
            } else if (o instanceof HbpOutput.Deliver deliver) {
                router.heard(deliver.dmrd().source(), DmrSlot.of(deliver.dmrd()));
                traffic.onFrame(deliver.dmrd(), at);
            } else if (o instanceof HbpOutput.Configured configured) {
                router.connected(peerId, configured.config());
                board.configured(peerId, configured.config());
            } else if (o instanceof HbpOutput.StateChanged change) {
                onStateChanged(peerId, station, (HbpMasterState) change.to(), change.reason(), at);
            } else if (o instanceof HbpOutput.Refused refused) {
                framesRefused.incrementAndGet();
                log.debug("hbp master {}: peer {}: {}", options.id(), peerId, refused.reason());
            } else if (o instanceof HbpOutput.InvalidPacket || o instanceof HbpOutput.ProtocolError) {
                framesInvalid.incrementAndGet();
                log.debug("hbp master {}: peer {}: {}", options.id(), peerId, o);
            }
        }
    }

    private void onStateChanged(long peerId, Station station, HbpMasterState to, String reason, Stamp at) {
        log.info("hbp master {}: peer {} at {} is {}: {}", options.id(), peerId, station.address, to, reason);
        if (to != HbpMasterState.CONNECTED) {
            router.disconnected(peerId);
        }
        if (to.terminal()) {
            stations.remove(peerId);
        }
        board.stateChanged(peerId, to, reason, station.address, at);
    }

    private static long peerIdOf(HbpPacket p) {
        if (p instanceof Dmrd d) {
            return d.peerId();
        } else if (p instanceof HbpPacket.Login x) {
            return x.peerId();
        } else if (p instanceof HbpPacket.AuthKey x) {
            return x.peerId();
        } else if (p instanceof HbpPacket.Config x) {
            return x.peerId();
        } else if (p instanceof HbpPacket.Options x) {
            return x.peerId();
        } else if (p instanceof HbpPacket.Ping x) {
            return x.peerId();
        } else if (p instanceof HbpPacket.PeerClose x) {
            return x.peerId();
        }
        return -1; // invalid, or a master's packet sent to us
    }

    private static Optional<Integer> radioId(String address) {
        try {
            int id = Integer.parseInt(address);
            return id >= 1 && id <= Dmrd.MAX_RADIO_ID ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(HbpPacket p) {
        return p instanceof HbpPacket.Invalid invalid ? invalid.reason() : p.getClass().getSimpleName();
    }
}
