package dev.outpost.protocol.hxt;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client session's states and, in one table, every allowed transition
 * (docs/protocols/hxt.md section 7). A trigger not in the table for a state is not allowed there.
 */
public enum HxtSessionState {
    /** No socket; nothing may be sent. */
    DISCONNECTED,
    /** Handshake done, logon sent, waiting for its reply. */
    LOGGING_ON,
    /** Logon accepted: requests may be sent, events are delivered. */
    ONLINE,
    /** This connection is finished; the transport must close the socket and then report the disconnect. */
    CLOSED;

    /** What makes the session change state. */
    public enum Trigger { CONNECTED, LOGON_ACCEPTED, LOGON_FAILED, KEEPALIVE_LOST, CLOSE, DISCONNECTED }

    private static final Map<HxtSessionState, Map<Trigger, HxtSessionState>> TRANSITIONS = new EnumMap<>(
            HxtSessionState.class);

    static {
        allow(DISCONNECTED, Trigger.CONNECTED, LOGGING_ON);
        allow(LOGGING_ON, Trigger.LOGON_ACCEPTED, ONLINE);
        allow(LOGGING_ON, Trigger.LOGON_FAILED, CLOSED);
        allow(LOGGING_ON, Trigger.CLOSE, CLOSED);
        allow(LOGGING_ON, Trigger.DISCONNECTED, DISCONNECTED);
        allow(ONLINE, Trigger.KEEPALIVE_LOST, CLOSED);
        allow(ONLINE, Trigger.CLOSE, CLOSED);
        allow(ONLINE, Trigger.DISCONNECTED, DISCONNECTED);
        allow(CLOSED, Trigger.DISCONNECTED, DISCONNECTED);
    }

    private static void allow(HxtSessionState from, Trigger trigger, HxtSessionState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, to);
    }

    /** The state {@code trigger} leads to from this one, or empty when it is not allowed here. */
    public Optional<HxtSessionState> next(Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(this, Map.of()).get(trigger));
    }

    /** A socket is open (the session may receive frames). */
    public boolean connected() {
        return this == LOGGING_ON || this == ONLINE;
    }
}
