package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.HbpPeerState.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Outpost as an HBP peer of a remote master (BrandMeister, FreeDMR, HBlink), sans-I/O: the caller owns the UDP
 * socket and the clock, feeds in datagrams from the master ({@link #receive}) and the time ({@link #handleTimeout}
 * at {@link #pollTimeout()}), and sends the {@link HbpOutput.Send}s it gets back, in order. Time is a monotonic
 * nanosecond value chosen by the caller. Not thread-safe: drive it from one thread.
 *
 * <p>Login: RPTL, RPTACK(salt), RPTK, RPTACK, RPTC, RPTACK, [RPTO, RPTACK], then RPTPING/MSTPONG. A step without
 * an answer is resent every {@code resendInterval}; no progress for {@code timeout} means waiting
 * {@code retryDelay} and starting over, as after MSTNAK during login or MSTCL. MSTNAK while running (the master
 * forgot us) and a silent master ({@code timeout} without MSTPONG) restart the login at once.
 */
public final class HbpPeerSession {
    private final HbpPeerSessionConfig config;
    private final long resendNanos;
    private final long pingNanos;
    private final long timeoutNanos;
    private final long retryNanos;

    private HbpPeerState state = HbpPeerState.IDLE;
    private long salt;
    private long stepSentAt;
    private long handshakeStartedAt;
    private long nextPingAt;
    private long lastPongAt;
    private long retryAt;

    public HbpPeerSession(HbpPeerSessionConfig config) {
        this.config = config;
        this.resendNanos = config.resendInterval().toNanos();
        this.pingNanos = config.pingInterval().toNanos();
        this.timeoutNanos = config.timeout().toNanos();
        this.retryNanos = config.retryDelay().toNanos();
    }

    public HbpPeerState state() {
        return state;
    }

    public long peerId() {
        return config.peerId();
    }

    /** Starts the login: sends RPTL. */
    public List<HbpOutput> start(long now) {
        List<HbpOutput> out = new ArrayList<>();
        move(Trigger.START, "started", out);
        beginLogin(now, out);
        return out;
    }

    /** One datagram from the master. */
    public List<HbpOutput> receive(byte[] datagram, long now) {
        return receive(HbpCodec.decode(datagram), now);
    }

    public List<HbpOutput> receive(HbpPacket packet, long now) {
        List<HbpOutput> out = new ArrayList<>();
        if (packet instanceof HbpPacket.Invalid invalid) {
            out.add(new HbpOutput.InvalidPacket(invalid.reason()));
        } else if (packet instanceof HbpPacket.Ack ack) {
            onAck(ack, now, out);
        } else if (packet instanceof HbpPacket.Nak) {
            onRefusal(Trigger.NAK_RECEIVED, "MSTNAK from the master", now, out);
        } else if (packet instanceof HbpPacket.MasterClose) {
            onRefusal(Trigger.MASTER_CLOSED, "MSTCL from the master", now, out);
        } else if (packet instanceof HbpPacket.Pong) {
            if (state == HbpPeerState.RUNNING) {
                lastPongAt = now;
            } else {
                out.add(new HbpOutput.ProtocolError("MSTPONG while " + state));
            }
        } else if (packet instanceof Dmrd dmrd) {
            out.add(state == HbpPeerState.RUNNING ? new HbpOutput.Deliver(dmrd)
                    : new HbpOutput.ProtocolError("DMRD while " + state));
        } else {
            out.add(new HbpOutput.ProtocolError("the master sent a peer packet: "
                    + packet.getClass().getSimpleName()));
        }
        return out;
    }

    /** Resends, pings, gives up or retries as due. Call at {@link #pollTimeout()}. */
    public List<HbpOutput> handleTimeout(long now) {
        List<HbpOutput> out = new ArrayList<>();
        if (state.handshaking()) {
            if (now - (handshakeStartedAt + timeoutNanos) >= 0) {
                move(Trigger.HANDSHAKE_TIMEOUT, "no answer from the master within " + config.timeout(), out);
                retryAt = now + retryNanos;
            } else if (now - (stepSentAt + resendNanos) >= 0) {
                stepSentAt = now;
                out.add(new HbpOutput.Send(currentStep()));
            }
        } else if (state == HbpPeerState.RUNNING) {
            if (now - (lastPongAt + timeoutNanos) >= 0) {
                move(Trigger.PONG_TIMEOUT, "no MSTPONG within " + config.timeout(), out);
                beginLogin(now, out);
            } else if (now - nextPingAt >= 0) {
                nextPingAt = now + pingNanos;
                out.add(new HbpOutput.Send(new HbpPacket.Ping(config.peerId())));
            }
        } else if (state == HbpPeerState.WAITING_RETRY && now - retryAt >= 0) {
            move(Trigger.RETRY_DUE, "retrying the login", out);
            beginLogin(now, out);
        }
        return out;
    }

    /** The next instant {@link #handleTimeout} has work, or empty when nothing is scheduled. */
    public OptionalLong pollTimeout() {
        if (state.handshaking()) {
            return OptionalLong.of(earlier(stepSentAt + resendNanos, handshakeStartedAt + timeoutNanos));
        }
        if (state == HbpPeerState.RUNNING) {
            return OptionalLong.of(earlier(nextPingAt, lastPongAt + timeoutNanos));
        }
        return state == HbpPeerState.WAITING_RETRY ? OptionalLong.of(retryAt) : OptionalLong.empty();
    }

    /** DMRD to send to the master, stamped with our peer id. The session must be {@link HbpPeerState#RUNNING}. */
    public HbpOutput.Send send(Dmrd dmrd) {
        if (state != HbpPeerState.RUNNING) {
            throw new IllegalStateException("cannot send DMRD while " + state);
        }
        return new HbpOutput.Send(dmrd.withPeerId(config.peerId()));
    }

    /** Leaves for good: sends RPTCL if the master may know us. */
    public List<HbpOutput> close(String reason) {
        List<HbpOutput> out = new ArrayList<>();
        if (state.next(Trigger.CLOSE).isEmpty()) {
            return out;
        }
        if (state.handshaking() || state == HbpPeerState.RUNNING) {
            out.add(new HbpOutput.Send(new HbpPacket.PeerClose(config.peerId())));
        }
        move(Trigger.CLOSE, reason, out);
        return out;
    }

    private void onAck(HbpPacket.Ack ack, long now, List<HbpOutput> out) {
        switch (state) {
            case LOGIN_SENT -> {
                salt = ack.value();
                advance(Trigger.SALT_RECEIVED, "salt received", now, out);
            }
            case AUTH_SENT -> advance(Trigger.AUTH_ACKED, "passphrase accepted", now, out);
            case CONFIG_SENT -> advance(config.options() == null ? Trigger.CONFIG_ACKED
                    : Trigger.CONFIG_ACKED_OPTIONS_PENDING, "config accepted", now, out);
            case OPTIONS_SENT -> advance(Trigger.OPTIONS_ACKED, "options accepted", now, out);
            default -> out.add(new HbpOutput.ProtocolError("RPTACK while " + state));
        }
    }

    /** Moves on after an RPTACK and sends the next step, or starts running. */
    private void advance(Trigger trigger, String reason, long now, List<HbpOutput> out) {
        move(trigger, reason, out);
        if (state == HbpPeerState.RUNNING) {
            lastPongAt = now;
            nextPingAt = now + pingNanos;
        } else {
            stepSentAt = now;
            handshakeStartedAt = now;
            out.add(new HbpOutput.Send(currentStep()));
        }
    }

    private void onRefusal(Trigger trigger, String reason, long now, List<HbpOutput> out) {
        if (state.next(trigger).isEmpty()) {
            out.add(new HbpOutput.ProtocolError(reason + " while " + state));
            return;
        }
        move(trigger, reason, out);
        if (state == HbpPeerState.LOGIN_SENT) {
            beginLogin(now, out);
        } else {
            retryAt = now + retryNanos;
        }
    }

    private void beginLogin(long now, List<HbpOutput> out) {
        stepSentAt = now;
        handshakeStartedAt = now;
        out.add(new HbpOutput.Send(new HbpPacket.Login(config.peerId())));
    }

    private HbpPacket currentStep() {
        return switch (state) {
            case LOGIN_SENT -> new HbpPacket.Login(config.peerId());
            case AUTH_SENT -> new HbpPacket.AuthKey(config.peerId(), HbpAuth.hash(salt, config.passphrase()));
            case CONFIG_SENT -> new HbpPacket.Config(config.peerId(), config.config());
            case OPTIONS_SENT -> new HbpPacket.Options(config.peerId(), config.options());
            default -> throw new IllegalStateException("no handshake step in state " + state);
        };
    }

    private void move(Trigger trigger, String reason, List<HbpOutput> out) {
        HbpPeerState from = state;
        state = from.next(trigger).orElseThrow(
                () -> new IllegalStateException(trigger + " is not allowed in state " + from));
        out.add(new HbpOutput.StateChanged(from, state, reason));
    }

    static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
