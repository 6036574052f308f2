package dev.outpost.gateway.event;

/** The typed content of a {@link UnitEvent}. Field names follow the MQTT API (snake_case on the wire). */
public sealed interface EventPayload {

    /** Wire name of the event type. */
    String type();

    /**
     * An acknowledgement of a call the gateway sent.
     *
     * @param callRef the reference of the call it answers (as given in {@code CallRequest}), if the bearer carries one
     * @param status  a status the unit reported with it (e.g. {@code present}), if any
     * @param staff   the number of staff the unit reported on duty, if any
     */
    record Ack(String callRef, String status, Integer staff) implements EventPayload {
        public String type() { return "ack"; }
    }

    record PttStart(String streamId, String channel) implements EventPayload {
        public String type() { return "ptt_start"; }
    }

    record PttEnd(String streamId, String channel) implements EventPayload {
        public String type() { return "ptt_end"; }
    }

    /** A status report (a meaning such as {@code arrived}, or a raw code when unmapped). */
    record Status(String status) implements EventPayload {
        public String type() { return "status"; }
    }

    record Location(double lat, double lon, Double accuracyM) implements EventPayload {
        public String type() { return "location"; }
    }

    record Sos(Double lat, Double lon) implements EventPayload {
        public String type() { return "sos"; }
    }

    record Presence(boolean online) implements EventPayload {
        public String type() { return "presence"; }
    }

    record Text(String text, String channel) implements EventPayload {
        public String type() { return "text"; }
    }
}
