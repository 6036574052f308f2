package dev.outpost.protocol.pei;

import java.util.List;
import java.util.Optional;

/** How a {@link PeiCommand} ended. */
public sealed interface CommandResult {

    /**
     * OK. {@code info} holds the information responses that came before it (at most
     * {@link PeiLimits#MAX_INFO_LINES}), e.g. the {@code +CMGS} line of an SDS send.
     */
    record Ok(List<PeiFrame> info) implements CommandResult {
        public Ok {
            info = List.copyOf(info);
        }

        /** The {@code +CMGS} result of an SDS send, when there was one. */
        public Optional<PeiFrame.SdsSent> sdsSent() {
            return info.stream().filter(PeiFrame.SdsSent.class::isInstance).map(PeiFrame.SdsSent.class::cast)
                    .findFirst();
        }
    }

    /** ERROR ({@code cmeError} null) or {@code +CME ERROR: <n>}. */
    record Failed(Integer cmeError) implements CommandResult {
    }

    /** No final result (or no prompt) in time; the session resynchronises before the next command. */
    record TimedOut(String waitingFor) implements CommandResult {
    }

    /** Never answered: the session stopped, or the queue was full when it was submitted. */
    record Cancelled(String reason) implements CommandResult {
    }
}
