package dev.outpost.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outpost as an HBP peer of a remote master (BrandMeister, FreeDMR, HBlink) (docs/config.md).
 *
 * @param station         what Outpost declares about itself in RPTC
 * @param options         RPTO text sent after login (e.g. {@code TS2=91}), or empty
 * @param pingInterval    how often Outpost pings the master
 * @param timeout         no answer during login, or no MSTPONG, for this long starts over
 * @param talkgroups      group calls on these talkgroups become events; empty = all
 * @param allowRadioCheck whether musters may send radio checks and call alerts through this master
 * @param radioId         the radio id Outpost's calls come from
 * @param slot            the timeslot Outpost's calls go out on
 * @param dispatcherId    the radio id whose end of transmission is T0 of voice musters, or empty
 * @param voiceTalkgroup  the talkgroup of voice musters whose request names none, or empty
 */
public record HbpPeerLinkSettings(
        String id,
        HostPort master,
        long peerId,
        SecretRef passphrase,
        Station station,
        Optional<String> options,
        Duration pingInterval,
        Duration timeout,
        Duration reconnectMin,
        Duration reconnectMax,
        List<Integer> talkgroups,
        boolean allowRadioCheck,
        int radioId,
        int slot,
        Duration streamTimeout,
        Optional<Integer> dispatcherId,
        Optional<Integer> voiceTalkgroup) implements LinkSettings {

    public static final String TYPE = "hbp-peer";
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);
    public static final int DEFAULT_SLOT = 2;

    public HbpPeerLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        talkgroups = List.copyOf(talkgroups);
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        Objects.requireNonNull(dispatcherId, "dispatcherId");
        Objects.requireNonNull(voiceTalkgroup, "voiceTalkgroup");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The RPTC fields: what the master shows about this peer. Frequencies in Hz; slots '1'..'4'. */
    public record Station(String callsign, long rxFrequencyHz, long txFrequencyHz, int txPower, int colourCode,
            String latitude, String longitude, int heightMetres, String location, String description, char slots,
            String url) {
        public Station {
            Objects.requireNonNull(callsign, "callsign");
            Objects.requireNonNull(latitude, "latitude");
            Objects.requireNonNull(longitude, "longitude");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(url, "url");
        }
    }
}
