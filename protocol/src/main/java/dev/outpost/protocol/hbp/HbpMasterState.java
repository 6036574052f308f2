package dev.outpost.protocol.hbp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The master's states for one remote peer and, in one table, every allowed transition (docs/protocols/hbp.md
 * section 4.2). A trigger not in the table for a state is not allowed there.
 */
public enum HbpMasterState implements HbpSessionState {
    /** Created for a peer id; waiting for RPTL. */
    NEW,
    /** RPTACK(salt) sent; waiting for RPTK. */
    CHALLENGED,
    /** Passphrase proven; waiting for RPTC. */
    AUTHENTICATED,
    /** Config received: pings answered, DMRD accepted. */
    CONNECTED,
    /** Wrong passphrase: MSTNAK sent; DMRD refused until a new login proves the passphrase. */
    REFUSED,
    /** Gone silent (handshake or pings); terminal: the caller forgets the session. */
    DROPPED,
    /** Left (RPTCL) or closed by us (MSTCL); terminal. */
    CLOSED;

    public enum Trigger { LOGIN, KEY_ACCEPTED, KEY_REJECTED, CONFIG, TIMEOUT, PEER_CLOSED, CLOSE }

    private static final Map<HbpMasterState, Map<Trigger, HbpMasterState>> TRANSITIONS =
            new EnumMap<>(HbpMasterState.class);

    static {
        // A new RPTL restarts the login from any live state: the peer restarted or missed our answer.
        for (HbpMasterState live : new HbpMasterState[] {NEW, CHALLENGED, AUTHENTICATED, CONNECTED, REFUSED}) {
            allow(live, Trigger.LOGIN, CHALLENGED);
            allow(live, Trigger.CLOSE, CLOSED);
        }
        allow(CHALLENGED, Trigger.KEY_ACCEPTED, AUTHENTICATED);
        allow(CHALLENGED, Trigger.KEY_REJECTED, REFUSED);
        allow(AUTHENTICATED, Trigger.CONFIG, CONNECTED);
        allow(CONNECTED, Trigger.CONFIG, CONNECTED);
        for (HbpMasterState active : new HbpMasterState[] {CHALLENGED, AUTHENTICATED, CONNECTED}) {
            allow(active, Trigger.TIMEOUT, DROPPED);
            allow(active, Trigger.PEER_CLOSED, CLOSED);
        }
        allow(NEW, Trigger.TIMEOUT, DROPPED);
    }

    private static void allow(HbpMasterState from, Trigger trigger, HbpMasterState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, to);
    }

    public Optional<HbpMasterState> next(Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(this, Map.of()).get(trigger));
    }

    /** No further datagram changes anything; the caller may forget the session. */
    public boolean terminal() {
        return this == DROPPED || this == CLOSED;
    }
}
