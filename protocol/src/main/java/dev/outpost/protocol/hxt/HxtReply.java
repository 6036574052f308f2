package dev.outpost.protocol.hxt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server answers to {@link HxtCommand.Request}s, matched by {@code seq}. A success is classified by its
 * shape (docs/protocols/hxt.md section 5): with {@code session} it is a {@link LogonOk}, with
 * {@code refused} a {@link RollCallOk}, with neither a plain {@link Ok}.
 */
public sealed interface HxtReply extends HxtMessage {
    long seq();

    record LogonOk(long seq, String session) implements HxtReply {
        public LogonOk {
            HxtChecks.seq(seq);
            HxtChecks.id("session", session);
        }
    }

    record RollCallOk(long seq, List<Refusal> refused) implements HxtReply {
        public RollCallOk {
            HxtChecks.seq(seq);
            refused = List.copyOf(HxtChecks.required("refused", refused));
        }
    }

    /** A success without payload (the answer to {@code ping}). */
    record Ok(long seq) implements HxtReply {
        public Ok {
            HxtChecks.seq(seq);
        }
    }

    record Failure(long seq, String error) implements HxtReply {
        public Failure {
            HxtChecks.seq(seq);
            HxtChecks.bounded("error", error, 1, HxtLimits.MAX_ERROR_CHARS);
        }
    }

    /** One user a roll call could not reach. */
    record Refusal(String user, RefusalReason reason) {
        public Refusal {
            HxtChecks.id("user", user);
            HxtChecks.required("reason", reason);
        }
    }

    enum RefusalReason {
        /** Known, but not connected. */
        OFFLINE,
        /** No such user. */
        UNKNOWN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<RefusalReason> fromWire(String text) {
            return HxtChecks.fromWire(RefusalReason.class, text);
        }
    }
}
