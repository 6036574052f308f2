package dev.outpost.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Binds {@code type: hbp-peer} links: Outpost joining a remote HBP master as a peer. */
final class HbpPeerLinkBinder implements LinkBinder {
    private static final Duration SHORTEST = Duration.ofMillis(1);

    @Override
    public String type() {
        return HbpPeerLinkSettings.TYPE;
    }

    @Override
    public Optional<LinkSettings> bind(String id, MapReader r) {
        int errorsBefore = r.context().errorCount();
        r.requiredScalar("master");
        Optional<HostPort> master = HbpValues.hostPort(r, "master");
        r.requiredScalar("peer_id");
        Optional<Long> peerId = Values.whole(r, "peer_id", 1, HbpValues.MAX_PEER_ID);
        Optional<SecretRef> passphrase = FileValues.secret(r, "passphrase", true);
        Optional<HbpPeerLinkSettings.Station> station = station(r);
        Optional<String> options = HbpValues.ascii(r, "options", 300);
        Duration pingInterval = Values.duration(r, "ping_interval", HbpPeerLinkSettings.DEFAULT_PING_INTERVAL,
                SHORTEST, Values.UNBOUNDED);
        Duration timeout = Values.duration(r, "timeout", HbpPeerLinkSettings.DEFAULT_TIMEOUT, SHORTEST,
                Values.UNBOUNDED);
        Backoff reconnect = Backoff.read(r, new Backoff(HbpPeerLinkSettings.DEFAULT_RECONNECT_MIN,
                HbpPeerLinkSettings.DEFAULT_RECONNECT_MAX));
        List<Integer> talkgroups = HbpValues.wholeList(r, "talkgroups", 1, HbpValues.MAX_RADIO_ID).stream()
                .map(Long::intValue).toList();
        boolean allowRadioCheck = HbpValues.bool(r, "allow_radio_check").orElse(false);
        Optional<Integer> radioId = HbpMasterLinkBinder.radioId(r, "radio_id");
        int slot = Values.whole(r, "slot", 1, 2).map(Long::intValue).orElse(HbpPeerLinkSettings.DEFAULT_SLOT);
        Duration streamTimeout = Values.duration(r, "stream_timeout",
                HbpMasterLinkSettings.DEFAULT_STREAM_TIMEOUT, Duration.ofMillis(60), Duration.ofSeconds(10));
        Optional<Integer> dispatcherId = HbpMasterLinkBinder.radioId(r, "dispatcher_id");
        Optional<Integer> voiceTalkgroup = HbpMasterLinkBinder.radioId(r, "voice_talkgroup");
        if (voiceTalkgroup.isPresent() && !talkgroups.isEmpty() && !talkgroups.contains(voiceTalkgroup.get())) {
            r.context().error(r.markOf("voice_talkgroup"), "voice_talkgroup " + voiceTalkgroup.get()
                    + " is not among 'talkgroups' " + talkgroups + ", so key-ups on it would never be heard",
                    "add it to 'talkgroups', or leave 'talkgroups' out to hear every talkgroup");
        }
        if (r.context().errorCount() != errorsBefore || master.isEmpty() || peerId.isEmpty()
                || passphrase.isEmpty() || station.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HbpPeerLinkSettings(id, master.get(), peerId.get(), passphrase.get(), station.get(),
                options, pingInterval, timeout, reconnect.min(), reconnect.max(), talkgroups, allowRadioCheck,
                radioId.orElse(defaultRadioId(peerId.get())), slot, streamTimeout, dispatcherId,
                voiceTalkgroup));
    }

    /**
     * A hotspot's peer id is usually its owner's 7-digit radio id plus a 2-digit suffix: a peer id beyond 24 bits
     * is read that way; a shorter one is the radio id itself.
     */
    static int defaultRadioId(long peerId) {
        return (int) (peerId > HbpValues.MAX_RADIO_ID ? peerId / 100 : peerId);
    }

    private static Optional<HbpPeerLinkSettings.Station> station(MapReader r) {
        r.requiredScalar("callsign");
        Optional<String> callsign = HbpValues.ascii(r, "callsign", 8);
        long rx = Values.whole(r, "rx_frequency", 0, 999_999_999).orElse(0L);
        long tx = Values.whole(r, "tx_frequency", 0, 999_999_999).orElse(0L);
        int power = Values.whole(r, "tx_power", 0, 99).map(Long::intValue).orElse(0);
        int colourCode = Values.whole(r, "colour_code", 0, 15).map(Long::intValue).orElse(1);
        String latitude = coordinate(r, "latitude", 90, 8);
        String longitude = coordinate(r, "longitude", 180, 9);
        int height = Values.whole(r, "height", 0, 999).map(Long::intValue).orElse(0);
        String location = HbpValues.ascii(r, "location", 20).orElse("");
        String description = HbpValues.ascii(r, "description", 19).orElse("Outpost gateway");
        char slots = Values.whole(r, "slots", 1, 4).map(v -> (char) ('0' + v)).orElse('4');
        String url = HbpValues.ascii(r, "url", 124).orElse("");
        return callsign.map(c -> new HbpPeerLinkSettings.Station(c, rx, tx, power, colourCode, latitude, longitude,
                height, location, description, slots, url));
    }

    /** Decimal degrees within +-limit, kept as the text RPTC carries (at most {@code width} characters). */
    private static String coordinate(MapReader r, String key, double limit, int width) {
        Optional<Double> value = Values.number(r, key);
        if (value.isEmpty()) {
            return "0.0";
        }
        String text = r.string(key).orElseThrow();
        if (Math.abs(value.get()) > limit || text.length() > width) {
            r.context().error(r.markOf(key), "'" + key + "' must be decimal degrees in -" + (int) limit + ".."
                    + (int) limit + ", at most " + width + " characters, got " + text, "e.g. 23.1291");
        }
        return text;
    }
}
