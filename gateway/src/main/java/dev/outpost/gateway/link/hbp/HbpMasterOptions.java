package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.Pacing;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one {@link HbpMasterLink}; the composition root maps the config file onto this.
 *
 * @param sharedPassphrase the passphrase of every peer without its own, or empty (a secret: never printed)
 * @param peerPassphrases  passphrases by peer id (secrets: never printed)
 * @param slotsInFlight    calls awaiting an answer at once per repeater slot (for the muster's pacing)
 * @param callRate         calls per second per repeater slot, at most (for the muster's pacing)
 * @param dispatcherId     the radio whose end of transmission is T0 of voice musters, if configured
 * @param radioId          the radio id Outpost's radio checks and call alerts come from
 * @param streamTimeout    silence after which a voice stream without terminator has ended
 * @param routes           which slot reaches which units, in order of preference
 * @param voiceTalkgroup   the talkgroup of voice musters whose request names none, if configured
 */
public record HbpMasterOptions(String id, InetSocketAddress listen, Optional<String> sharedPassphrase,
        Map<Long, String> peerPassphrases, HbpMasterSessionConfig sessions, int slotsInFlight, double callRate,
        Optional<Integer> dispatcherId, int radioId, Duration streamTimeout, List<HbpRouteRule> routes,
        Optional<Integer> voiceTalkgroup) {

    public HbpMasterOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(sharedPassphrase, "sharedPassphrase");
        peerPassphrases = Map.copyOf(peerPassphrases);
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(dispatcherId, "dispatcherId");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        routes = List.copyOf(routes);
        Objects.requireNonNull(voiceTalkgroup, "voiceTalkgroup");
        if (slotsInFlight < 1 || !(callRate > 0)) {
            throw new IllegalArgumentException("slotsInFlight must be >= 1 and callRate > 0");
        }
    }

    /** Options without a default talkgroup for voice musters. */
    public HbpMasterOptions(String id, InetSocketAddress listen, Optional<String> sharedPassphrase,
            Map<Long, String> peerPassphrases, HbpMasterSessionConfig sessions, int slotsInFlight, double callRate,
            Optional<Integer> dispatcherId, int radioId, Duration streamTimeout, List<HbpRouteRule> routes) {
        this(id, listen, sharedPassphrase, peerPassphrases, sessions, slotsInFlight, callRate, dispatcherId, radioId,
                streamTimeout, routes, Optional.empty());
    }

    /** The passphrase {@code peerId} must prove, or empty if that peer may not log in. */
    public Optional<String> passphraseFor(long peerId) {
        return Optional.ofNullable(peerPassphrases.get(peerId)).or(() -> sharedPassphrase);
    }

    /**
     * The link's pacing as a whole: the per-slot rate and in-flight bound times the slots the routes name (at least
     * one). A muster that paces per slot uses {@link #callRate} and {@link #slotsInFlight} with
     * {@link HbpMasterLink#slotFor}. One radio per call.
     */
    public Pacing pacing() {
        int slots = (int) Math.max(1, routes.stream().map(HbpRouteRule::slot).distinct().count());
        return new Pacing(callRate * slots, 1, slotsInFlight * slots);
    }

    /** The pacing of one repeater slot: {@link #callRate} radios per second, one per call. */
    public Pacing slotPacing() {
        return new Pacing(callRate, 1, slotsInFlight);
    }

    @Override
    public String toString() {
        return "HbpMasterOptions[id=" + id + ", listen=" + listen + ", sharedPassphrase="
                + (sharedPassphrase.isPresent() ? "***" : "none") + ", peers=" + peerPassphrases.keySet()
                + ", sessions=" + sessions + ", slotsInFlight=" + slotsInFlight + ", callRate=" + callRate
                + ", dispatcherId=" + dispatcherId + ", radioId=" + radioId + ", streamTimeout=" + streamTimeout
                + ", routes=" + routes + ", voiceTalkgroup=" + voiceTalkgroup + "]";
    }
}
