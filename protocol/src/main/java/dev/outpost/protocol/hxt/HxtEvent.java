package dev.outpost.protocol.hxt;

/**
 * Server-to-client events. Server timestamps are not trusted: an incoming {@code ts} is ignored and the
 * receiver stamps the receive instant itself.
 */
public sealed interface HxtEvent extends HxtMessage {

    /** The wire name in the {@code event} field. */
    String event();

    /** The server's keepalive; answer with {@link HxtCommand.Pong} carrying the same nonce. */
    record ServerPing(long nonce) implements HxtEvent {
        public ServerPing {
            HxtChecks.range("nonce", nonce, 0, HxtLimits.MAX_SAFE_INTEGER);
        }

        public String event() {
            return "ping";
        }
    }

    record UserOnline(String user) implements HxtEvent {
        public UserOnline {
            HxtChecks.id("user", user);
        }

        public String event() {
            return "user_online";
        }
    }

    record UserOffline(String user) implements HxtEvent {
        public UserOffline {
            HxtChecks.id("user", user);
        }

        public String event() {
            return "user_offline";
        }
    }

    /** A user keyed up on a channel; the stream id is valid only on this connection. */
    record StreamStart(String channel, String from, long streamId) implements HxtEvent {
        public StreamStart {
            HxtChecks.id("channel", channel);
            HxtChecks.id("from", from);
            HxtChecks.range("stream_id", streamId, 0, HxtLimits.MAX_SAFE_INTEGER);
        }

        public String event() {
            return "stream_start";
        }
    }

    /** The end of a stream; names no user (see the matching {@link StreamStart}). */
    record StreamStop(long streamId) implements HxtEvent {
        public StreamStop {
            HxtChecks.range("stream_id", streamId, 0, HxtLimits.MAX_SAFE_INTEGER);
        }

        public String event() {
            return "stream_stop";
        }
    }

    /**
     * A terminal confirmed a roll call.
     *
     * @param staff staff on duty as reported by the unit, or null
     * @param mode  how it was confirmed
     */
    record RollCallAck(String callId, String user, String status, Integer staff, HxtExpect mode) implements HxtEvent {
        public RollCallAck {
            HxtChecks.id("call_id", callId);
            HxtChecks.id("user", user);
            HxtChecks.id("status", status);
            if (staff != null) {
                HxtChecks.range("staff", staff, 0, HxtLimits.MAX_STAFF);
            }
            HxtChecks.required("mode", mode);
        }

        public String event() {
            return "roll_call_ack";
        }
    }

    /** @param accuracyM horizontal accuracy in metres, or null */
    record Location(String user, double lat, double lon, Double accuracyM) implements HxtEvent {
        public Location {
            HxtChecks.id("user", user);
            HxtChecks.latitude(lat);
            HxtChecks.longitude(lon);
            if (accuracyM != null) {
                HxtChecks.range("accuracy_m", accuracyM, 0.0, Double.MAX_VALUE);
            }
        }

        public String event() {
            return "location";
        }
    }

    /** A one-key alarm; the position is optional (both coordinates or neither). */
    record Sos(String user, Double lat, Double lon) implements HxtEvent {
        public Sos {
            HxtChecks.id("user", user);
            if ((lat == null) != (lon == null)) {
                throw new IllegalArgumentException("sos needs both lat and lon, or neither");
            }
            if (lat != null) {
                HxtChecks.latitude(lat);
                HxtChecks.longitude(lon);
            }
        }

        public String event() {
            return "sos";
        }
    }

    /** @param channel the channel it was sent on, or null for a direct message */
    record Text(String user, String channel, String text) implements HxtEvent {
        public Text {
            HxtChecks.id("user", user);
            HxtChecks.optionalId("channel", channel);
            HxtChecks.bounded("text", text, 0, HxtLimits.MAX_TEXT_CHARS);
        }

        public String event() {
            return "text";
        }
    }
}
