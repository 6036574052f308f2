package dev.outpost.protocol.hbp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The peer session's states and, in one table, every allowed transition (docs/protocols/hbp.md section 4.1).
 * A trigger not in the table for a state is not allowed there.
 */
public enum HbpPeerState implements HbpSessionState {
    /** Not started: nothing sent. */
    IDLE,
    /** RPTL sent; waiting for RPTACK with the salt. */
    LOGIN_SENT,
    /** RPTK sent; waiting for RPTACK. */
    AUTH_SENT,
    /** RPTC sent; waiting for RPTACK. */
    CONFIG_SENT,
    /** RPTO sent; waiting for RPTACK. */
    OPTIONS_SENT,
    /** Logged in: pings flow, DMRD may be sent and is delivered. */
    RUNNING,
    /** Refused or closed by the master, or the handshake gave up: logs in again when the retry is due. */
    WAITING_RETRY,
    /** Closed by us; terminal. */
    CLOSED;

    public enum Trigger {
        START, SALT_RECEIVED, AUTH_ACKED, CONFIG_ACKED, CONFIG_ACKED_OPTIONS_PENDING, OPTIONS_ACKED,
        NAK_RECEIVED, MASTER_CLOSED, HANDSHAKE_TIMEOUT, PONG_TIMEOUT, RETRY_DUE, CLOSE
    }

    private static final Map<HbpPeerState, Map<Trigger, HbpPeerState>> TRANSITIONS = new EnumMap<>(HbpPeerState.class);

    static {
        allow(IDLE, Trigger.START, LOGIN_SENT);
        allow(LOGIN_SENT, Trigger.SALT_RECEIVED, AUTH_SENT);
        allow(AUTH_SENT, Trigger.AUTH_ACKED, CONFIG_SENT);
        allow(CONFIG_SENT, Trigger.CONFIG_ACKED, RUNNING);
        allow(CONFIG_SENT, Trigger.CONFIG_ACKED_OPTIONS_PENDING, OPTIONS_SENT);
        allow(OPTIONS_SENT, Trigger.OPTIONS_ACKED, RUNNING);
        for (HbpPeerState handshake : new HbpPeerState[] {LOGIN_SENT, AUTH_SENT, CONFIG_SENT, OPTIONS_SENT}) {
            allow(handshake, Trigger.NAK_RECEIVED, WAITING_RETRY);
            allow(handshake, Trigger.MASTER_CLOSED, WAITING_RETRY);
            allow(handshake, Trigger.HANDSHAKE_TIMEOUT, WAITING_RETRY);
            allow(handshake, Trigger.CLOSE, CLOSED);
        }
        // A NAK while running means the master forgot us (it restarted, or timed us out): log in again at once,
        // as MMDVMHost does.
        allow(RUNNING, Trigger.NAK_RECEIVED, LOGIN_SENT);
        allow(RUNNING, Trigger.PONG_TIMEOUT, LOGIN_SENT);
        allow(RUNNING, Trigger.MASTER_CLOSED, WAITING_RETRY);
        allow(RUNNING, Trigger.CLOSE, CLOSED);
        allow(WAITING_RETRY, Trigger.RETRY_DUE, LOGIN_SENT);
        allow(WAITING_RETRY, Trigger.CLOSE, CLOSED);
        allow(IDLE, Trigger.CLOSE, CLOSED);
    }

    private static void allow(HbpPeerState from, Trigger trigger, HbpPeerState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, to);
    }

    public Optional<HbpPeerState> next(Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(this, Map.of()).get(trigger));
    }

    /** In the login handshake (a step is outstanding and will be resent). */
    public boolean handshaking() {
        return this == LOGIN_SENT || this == AUTH_SENT || this == CONFIG_SENT || this == OPTIONS_SENT;
    }
}
