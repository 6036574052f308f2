package dev.outpost.protocol.pei;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PEI session's states and, in one table, every allowed transition (docs/protocols/pei.md section 5).
 * A trigger not in the table for a state is not allowed there.
 */
public enum PeiSessionState {
    /** No port; nothing is sent. */
    STOPPED,
    /** A bare {@code AT} is out; waiting for OK before anything else is sent. */
    SYNCING,
    /** Nothing in flight; the next queued command goes out at once. */
    READY,
    /** {@code AT+CMGS} is out; waiting for the {@code >} prompt before the body. */
    AWAITING_PROMPT,
    /** A command (or an SDS body) is out; waiting for its final result. */
    AWAITING_RESULT;

    /** What makes the session change state. */
    public enum Trigger { START, SYNCED, SEND, SEND_SDS, PROMPT, RESULT, TIMEOUT, GARBAGE, STOP }

    private static final Map<PeiSessionState, Map<Trigger, PeiSessionState>> TRANSITIONS = new EnumMap<>(
            PeiSessionState.class);

    static {
        allow(STOPPED, Trigger.START, SYNCING);
        allow(SYNCING, Trigger.SYNCED, READY);
        allow(SYNCING, Trigger.TIMEOUT, SYNCING);
        allow(READY, Trigger.SEND, AWAITING_RESULT);
        allow(READY, Trigger.SEND_SDS, AWAITING_PROMPT);
        allow(READY, Trigger.GARBAGE, SYNCING);
        allow(AWAITING_PROMPT, Trigger.PROMPT, AWAITING_RESULT);
        allow(AWAITING_PROMPT, Trigger.RESULT, READY);
        allow(AWAITING_PROMPT, Trigger.TIMEOUT, SYNCING);
        allow(AWAITING_RESULT, Trigger.RESULT, READY);
        allow(AWAITING_RESULT, Trigger.TIMEOUT, SYNCING);
        for (PeiSessionState s : values()) {
            if (s != STOPPED) {
                allow(s, Trigger.STOP, STOPPED);
            }
        }
    }

    private static void allow(PeiSessionState from, Trigger trigger, PeiSessionState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, to);
    }

    /** The state {@code trigger} leads to from this one, or empty when it is not allowed here. */
    public Optional<PeiSessionState> next(Trigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(this, Map.of()).get(trigger));
    }

    /** A command (or its body) is out and unanswered. */
    public boolean commandInFlight() {
        return this == AWAITING_PROMPT || this == AWAITING_RESULT;
    }
}
