package dev.outpost.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code type: hbp-master} links: Outpost as the HBP master DMR repeaters log in to. */
final class HbpMasterLinkBinder implements LinkBinder {
    private static final Duration SHORTEST = Duration.ofMillis(1);

    @Override
    public String type() {
        return HbpMasterLinkSettings.TYPE;
    }

    @Override
    public Optional<LinkSettings> bind(String id, MapReader r) {
        int errorsBefore = r.context().errorCount();
        HostPort listen = HbpValues.hostPort(r, "listen").orElse(HbpMasterLinkSettings.DEFAULT_LISTEN);
        Optional<SecretRef> shared = FileValues.secret(r, "passphrase", false);
        List<HbpMasterLinkSettings.Peer> peers = peers(r);
        if (shared.isEmpty() && peers.isEmpty() && r.context().errorCount() == errorsBefore) {
            r.context().error(r.markOf("passphrase_file"), "an hbp-master needs 'passphrase_file' (shared) or "
                    + "'peers' with their own passphrases", "without either no repeater could log in");
        }
        Duration pingTimeout = Values.duration(r, "ping_timeout", HbpMasterLinkSettings.DEFAULT_PING_TIMEOUT,
                SHORTEST, Values.UNBOUNDED);
        int missedPings = Values.whole(r, "missed_pings", 1, 100).map(Long::intValue)
                .orElse(HbpMasterLinkSettings.DEFAULT_MISSED_PINGS);
        Duration loginTimeout = Values.duration(r, "login_timeout", HbpMasterLinkSettings.DEFAULT_LOGIN_TIMEOUT,
                SHORTEST, Values.UNBOUNDED);
        int slotsInFlight = Values.whole(r, "slots_in_flight", 1, 64).map(Long::intValue)
                .orElse(HbpMasterLinkSettings.DEFAULT_SLOTS_IN_FLIGHT);
        double callRate = Values.positiveNumber(r, "call_rate").orElse(HbpMasterLinkSettings.DEFAULT_CALL_RATE);
        Optional<Integer> dispatcherId = radioId(r, "dispatcher_id");
        int radioId = radioId(r, "radio_id").or(() -> dispatcherId).orElse(HbpMasterLinkSettings.DEFAULT_RADIO_ID);
        Duration streamTimeout = Values.duration(r, "stream_timeout", HbpMasterLinkSettings.DEFAULT_STREAM_TIMEOUT,
                Duration.ofMillis(60), Duration.ofSeconds(10));
        List<HbpMasterLinkSettings.Route> routes = routes(r, shared.isEmpty() ? peers : null);
        Optional<Integer> voiceTalkgroup = radioId(r, "voice_talkgroup");
        if (r.context().errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new HbpMasterLinkSettings(id, listen, shared, peers, pingTimeout, missedPings,
                loginTimeout, slotsInFlight, callRate, dispatcherId, radioId, streamTimeout, routes, voiceTalkgroup));
    }

    static Optional<Integer> radioId(MapReader r, String key) {
        return Values.whole(r, key, 1, HbpValues.MAX_RADIO_ID).map(Long::intValue);
    }

    private static List<HbpMasterLinkSettings.Peer> peers(MapReader r) {
        List<HbpMasterLinkSettings.Peer> peers = new ArrayList<>();
        Map<Long, Integer> lines = new HashMap<>();
        for (MapReader p : HbpValues.sections(r, "peers", "id and passphrase_file")) {
            Optional<Long> peerId = p.requiredScalar("id").flatMap(s -> Values.whole(p, "id", 1,
                    HbpValues.MAX_PEER_ID));
            Optional<SecretRef> passphrase = FileValues.secret(p, "passphrase", true);
            p.finish();
            if (peerId.isEmpty() || passphrase.isEmpty()) {
                continue;
            }
            Integer first = lines.putIfAbsent(peerId.get(), p.markOf("id").line());
            if (first != null) {
                r.context().error(p.markOf("id"), "peer " + peerId.get() + " is listed twice (first on line " + first
                        + ")", "each peer id once");
            } else {
                peers.add(new HbpMasterLinkSettings.Peer(peerId.get(), passphrase.get()));
            }
        }
        return peers;
    }

    /** @param admitted the only peers that can log in, or null when a shared passphrase admits any */
    private static List<HbpMasterLinkSettings.Route> routes(MapReader r, List<HbpMasterLinkSettings.Peer> admitted) {
        List<HbpMasterLinkSettings.Route> routes = new ArrayList<>();
        for (MapReader route : HbpValues.sections(r, "routes", "peer, slot and the units it reaches")) {
            Optional<Long> peer = route.requiredScalar("peer").flatMap(s -> Values.whole(route, "peer", 1,
                    HbpValues.MAX_PEER_ID));
            Optional<Integer> slot = route.requiredScalar("slot").flatMap(s -> Values.whole(route, "slot", 1, 2))
                    .map(Long::intValue);
            Optional<Integer> talkgroup = radioId(route, "talkgroup");
            List<String> streets = HbpValues.textList(route, "streets");
            List<String> units = HbpValues.textList(route, "units");
            route.finish();
            if (peer.isPresent() && admitted != null
                    && admitted.stream().noneMatch(p -> p.peerId() == peer.get())) {
                r.context().error(route.markOf("peer"), "route names peer " + peer.get() + ", which cannot log in",
                        "list it under 'peers' with its passphrase, or set a shared 'passphrase_file'");
            }
            if (peer.isPresent() && slot.isPresent()) {
                routes.add(new HbpMasterLinkSettings.Route(peer.get(), slot.get(), talkgroup, streets, units));
            }
        }
        return routes;
    }
}
