package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.HbpMasterState.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Outpost as HBP master, for one remote peer (a repeater or hotspot), sans-I/O. The caller keeps one session per
 * peer id, routes that peer's datagrams to {@link #receive}, calls {@link #handleTimeout} at
 * {@link #pollTimeout()}, and sends the {@link HbpOutput.Send}s back to the peer's address, in order. It forgets
 * the session once {@link HbpMasterState#terminal()}. Not thread-safe: drive it from one thread.
 *
 * <p>Login as HBlink3 runs it: RPTL is answered with RPTACK and a fresh 4-byte salt; RPTK must carry
 * SHA-256(salt || passphrase) or the peer gets MSTNAK and its DMRD is refused; RPTC is parsed and acknowledged;
 * RPTO is acknowledged; RPTPING gets MSTPONG once connected and MSTNAK before (which makes MMDVMHost log in again).
 * A connected peer silent for {@code pingInterval x maxMissedPings} is dropped, as is a login that stalls.
 */
public final class HbpMasterSession {
    private final HbpMasterSessionConfig config;
    private final long peerId;
    private final String passphrase;
    private final LongSupplier saltSource;
    private final long silenceNanos;
    private final long handshakeNanos;

    private HbpMasterState state = HbpMasterState.NEW;
    private long salt;
    private long lastHeardAt;
    private PeerConfig peerConfig;

    /**
     * @param saltSource gives a fresh random salt per login (only its low 32 bits are used); a secure random in
     *                   production, a fixed sequence in tests
     */
    public HbpMasterSession(HbpMasterSessionConfig config, long peerId, String passphrase, LongSupplier saltSource,
            long now) {
        HbpPacket.requirePeerId(peerId);
        this.config = config;
        this.peerId = peerId;
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
        this.saltSource = saltSource;
        this.silenceNanos = config.silenceAllowed().toNanos();
        this.handshakeNanos = config.handshakeTimeout().toNanos();
        this.lastHeardAt = now;
    }

    public HbpMasterState state() {
        return state;
    }

    public long peerId() {
        return peerId;
    }

    /** The peer's last RPTC, or null before one arrived. */
    public PeerConfig peerConfig() {
        return peerConfig;
    }

    /** One datagram from this session's peer. */
    public List<HbpOutput> receive(byte[] datagram, long now) {
        return receive(HbpCodec.decode(datagram), now);
    }

    public List<HbpOutput> receive(HbpPacket packet, long now) {
        List<HbpOutput> out = new ArrayList<>();
        if (packet instanceof HbpPacket.Invalid invalid) {
            out.add(new HbpOutput.InvalidPacket(invalid.reason()));
        } else if (state.terminal()) {
            out.add(new HbpOutput.ProtocolError("session is " + state));
        } else if (packet instanceof Dmrd dmrd) {
            onDmrd(dmrd, out);
        } else if (idOf(packet) < 0) {
            out.add(new HbpOutput.ProtocolError("the peer sent a master packet: " + packet.getClass().getSimpleName()));
        } else if (idOf(packet) != peerId) {
            out.add(new HbpOutput.ProtocolError(packet.getClass().getSimpleName() + " names another peer id"));
        } else {
            onControl(packet, now, out);
        }
        return out;
    }

    /** Drops the peer if it has gone silent. Call at {@link #pollTimeout()}. */
    public List<HbpOutput> handleTimeout(long now) {
        List<HbpOutput> out = new ArrayList<>();
        OptionalLong due = pollTimeout();
        if (due.isPresent() && now - due.getAsLong() >= 0) {
            String reason = state == HbpMasterState.CONNECTED
                    ? "no RPTPING for " + config.silenceAllowed() + " (" + config.maxMissedPings() + " missed)"
                    : "login not completed within " + config.handshakeTimeout();
            move(Trigger.TIMEOUT, reason, out);
        }
        return out;
    }

    /** When the peer will be dropped if nothing more is heard, or empty when no timer runs. */
    public OptionalLong pollTimeout() {
        return switch (state) {
            case NEW, CHALLENGED, AUTHENTICATED -> OptionalLong.of(lastHeardAt + handshakeNanos);
            case CONNECTED -> OptionalLong.of(lastHeardAt + silenceNanos);
            default -> OptionalLong.empty();
        };
    }

    /** DMRD for this peer, stamped with its peer id (as HBlink3 does). The peer must be connected. */
    public HbpOutput.Send send(Dmrd dmrd) {
        if (state != HbpMasterState.CONNECTED) {
            throw new IllegalStateException("cannot send DMRD while " + state);
        }
        return new HbpOutput.Send(dmrd.withPeerId(peerId));
    }

    /** Closes the peer's session from our side: MSTCL if it was logged in. */
    public List<HbpOutput> close(String reason) {
        List<HbpOutput> out = new ArrayList<>();
        if (state.next(Trigger.CLOSE).isEmpty()) {
            return out;
        }
        if (state == HbpMasterState.AUTHENTICATED || state == HbpMasterState.CONNECTED) {
            out.add(new HbpOutput.Send(new HbpPacket.MasterClose(peerId)));
        }
        move(Trigger.CLOSE, reason, out);
        return out;
    }

    private void onDmrd(Dmrd dmrd, List<HbpOutput> out) {
        if (state != HbpMasterState.CONNECTED) {
            out.add(new HbpOutput.Refused("DMRD from a peer that is " + state));
        } else if (dmrd.peerId() != peerId) {
            out.add(new HbpOutput.ProtocolError("DMRD names another peer id"));
        } else {
            out.add(new HbpOutput.Deliver(dmrd));
        }
    }

    private void onControl(HbpPacket packet, long now, List<HbpOutput> out) {
        if (packet instanceof HbpPacket.Login) {
            salt = saltSource.getAsLong() & HbpPacket.MAX_PEER_ID;
            lastHeardAt = now;
            move(Trigger.LOGIN, "RPTL received", out);
            out.add(new HbpOutput.Send(new HbpPacket.Ack(salt)));
        } else if (packet instanceof HbpPacket.AuthKey key && state == HbpMasterState.CHALLENGED) {
            onAuthKey(key, now, out);
        } else if (packet instanceof HbpPacket.Config c && state.next(Trigger.CONFIG).isPresent()) {
            peerConfig = c.config();
            lastHeardAt = now;
            move(Trigger.CONFIG, "RPTC received", out);
            out.add(new HbpOutput.Configured(peerConfig));
            out.add(ack());
        } else if (packet instanceof HbpPacket.Options o && connectedOrAuthenticated()) {
            lastHeardAt = now;
            out.add(new HbpOutput.OptionsReceived(o.options()));
            out.add(ack());
        } else if (packet instanceof HbpPacket.Ping && state == HbpMasterState.CONNECTED) {
            lastHeardAt = now;
            out.add(new HbpOutput.Send(new HbpPacket.Pong(peerId)));
        } else if (packet instanceof HbpPacket.PeerClose) {
            if (state.next(Trigger.PEER_CLOSED).isPresent()) {
                move(Trigger.PEER_CLOSED, "RPTCL received", out);
            }
        } else {
            // Out of order (e.g. RPTPING or RPTC before login completed): NAK, so the peer logs in again.
            out.add(new HbpOutput.ProtocolError(packet.getClass().getSimpleName() + " while " + state));
            out.add(new HbpOutput.Send(new HbpPacket.Nak(peerId)));
        }
    }

    private void onAuthKey(HbpPacket.AuthKey key, long now, List<HbpOutput> out) {
        lastHeardAt = now;
        if (HbpAuth.matches(HbpAuth.hash(salt, passphrase), key.hash())) {
            move(Trigger.KEY_ACCEPTED, "passphrase proven", out);
            out.add(ack());
        } else {
            move(Trigger.KEY_REJECTED, "wrong passphrase hash", out);
            out.add(new HbpOutput.Send(new HbpPacket.Nak(peerId)));
        }
    }

    private boolean connectedOrAuthenticated() {
        return state == HbpMasterState.CONNECTED || state == HbpMasterState.AUTHENTICATED;
    }

    private HbpOutput ack() {
        return new HbpOutput.Send(new HbpPacket.Ack(peerId));
    }

    private static long idOf(HbpPacket p) {
        if (p instanceof HbpPacket.Login x) {
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
        return -1; // master packets carry an id too, but a peer never sends them
    }

    private void move(Trigger trigger, String reason, List<HbpOutput> out) {
        HbpMasterState from = state;
        state = from.next(trigger).orElseThrow(
                () -> new IllegalStateException(trigger + " is not allowed in state " + from));
        out.add(new HbpOutput.StateChanged(from, state, reason));
    }
}
