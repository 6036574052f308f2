package dev.outpost.protocol.hxt;

import java.util.List;

/** Client-to-server messages: the seq-carrying {@link Request}s and the {@link Pong} answer to a server ping. */
public sealed interface HxtCommand extends HxtMessage {

    /** The wire name in the {@code command} field. */
    String command();

    /** A command the server answers with an {@link HxtReply} carrying the same {@code seq}. */
    sealed interface Request extends HxtCommand permits Logon, Ping, RollCall {
        long seq();
    }

    record Logon(long seq, String authToken, String client) implements Request {
        public Logon {
            HxtChecks.seq(seq);
            HxtChecks.bounded("auth_token", authToken, 1, HxtLimits.MAX_TOKEN_CHARS);
            HxtChecks.id("client", client);
        }

        public String command() {
            return "logon";
        }

        /** Keeps the token out of logs and exception messages. */
        @Override
        public String toString() {
            return "Logon[seq=" + seq + ", authToken=***, client=" + client + "]";
        }
    }

    record Ping(long seq) implements Request {
        public Ping {
            HxtChecks.seq(seq);
        }

        public String command() {
            return "ping";
        }
    }

    /**
     * A roll call (点名) to users and/or a group.
     *
     * @param users     called users, possibly empty when {@code group} is given
     * @param group     a called group, or null
     * @param timeoutMs how long terminals keep the call open
     */
    record RollCall(long seq, String callId, List<String> users, String group, HxtExpect expect, long timeoutMs)
            implements Request {
        public RollCall {
            HxtChecks.seq(seq);
            HxtChecks.id("call_id", callId);
            users = HxtChecks.ids("users", users == null ? List.of() : users, HxtLimits.MAX_USERS_PER_ROLL_CALL);
            HxtChecks.optionalId("group", group);
            HxtChecks.required("expect", expect);
            HxtChecks.range("timeout_ms", timeoutMs, 1, HxtLimits.MAX_TIMEOUT_MS);
            if (users.isEmpty() && group == null) {
                throw new IllegalArgumentException("roll_call needs at least one target (users or group)");
            }
        }

        public String command() {
            return "roll_call";
        }
    }

    /** The answer to a server {@link HxtEvent.ServerPing}; carries no seq and gets no reply. */
    record Pong(long nonce) implements HxtCommand {
        public Pong {
            HxtChecks.range("nonce", nonce, 0, HxtLimits.MAX_SAFE_INTEGER);
        }

        public String command() {
            return "pong";
        }
    }
}
