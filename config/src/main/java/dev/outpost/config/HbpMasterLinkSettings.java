package dev.outpost.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outpost as a DMR Homebrew (HBP) master that repeaters and hotspots log in to (docs/config.md).
 *
 * @param passphrase    the passphrase shared by every peer without its own, or empty
 * @param peers         peers with their own passphrase; with no shared passphrase, the only peers admitted
 * @param pingTimeout   how long a peer may go without RPTPING before a ping counts as missed
 * @param missedPings   missed pings after which a silent peer is dropped
 * @param loginTimeout  how long a login (RPTL to RPTC) may take
 * @param slotsInFlight radio checks / call alerts awaiting an answer at once per repeater slot
 * @param callRate      calls per second per repeater slot, at most
 * @param dispatcherId  the radio id whose end of transmission is T0 of voice musters, or empty
 * @param radioId       the radio id Outpost's calls come from
 * @param streamTimeout silence after which a voice stream without terminator has ended
 * @param voiceTalkgroup the talkgroup of voice musters whose request names none, or empty
 */
public record HbpMasterLinkSettings(
        String id,
        HostPort listen,
        Optional<SecretRef> passphrase,
        List<Peer> peers,
        Duration pingTimeout,
        int missedPings,
        Duration loginTimeout,
        int slotsInFlight,
        double callRate,
        Optional<Integer> dispatcherId,
        int radioId,
        Duration streamTimeout,
        List<Route> routes,
        Optional<Integer> voiceTalkgroup) implements LinkSettings {

    public static final String TYPE = "hbp-master";
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 62031);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MISSED_PINGS = 3;
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_SLOTS_IN_FLIGHT = 1;
    /** A radio check costs about one outbound and one inbound burst of 60 ms: about 8 per second per slot. */
    public static final double DEFAULT_CALL_RATE = 8;
    public static final int DEFAULT_RADIO_ID = 9;
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofMillis(360);

    public HbpMasterLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(passphrase, "passphrase");
        peers = List.copyOf(peers);
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(dispatcherId, "dispatcherId");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        routes = List.copyOf(routes);
        Objects.requireNonNull(voiceTalkgroup, "voiceTalkgroup");
    }

    /**
     * The talkgroup of voice musters whose request names none: {@code voice_talkgroup}, else the one talkgroup the
     * routes name when they name exactly one, else empty (the request must name it).
     */
    public Optional<Integer> defaultVoiceTalkgroup() {
        if (voiceTalkgroup.isPresent()) {
            return voiceTalkgroup;
        }
        List<Integer> named = routes.stream().flatMap(r -> r.talkgroup().stream()).distinct().toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A peer (repeater) with its own passphrase. */
    public record Peer(long peerId, SecretRef passphrase) {
        public Peer {
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /**
     * Which units a repeater slot reaches. A route with neither streets nor units reaches every unit.
     *
     * @param talkgroup the talkgroup voice musters use on this slot, or empty
     * @param streets   units whose registry street is one of these
     * @param units     units with these unit ids
     */
    public record Route(long peerId, int slot, Optional<Integer> talkgroup, List<String> streets, List<String> units) {
        public Route {
            Objects.requireNonNull(talkgroup, "talkgroup");
            streets = List.copyOf(streets);
            units = List.copyOf(units);
        }
    }
}
