package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.Pacing;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one {@link HbpPeerLink}.
 *
 * @param session         login, RPTC and timing (holds the passphrase: its toString hides it)
 * @param talkgroups      group calls on these talkgroups become events; empty = all
 * @param allowRadioCheck whether calls (radio checks, call alerts) may be sent through the master
 * @param radioId         the radio id Outpost's calls come from
 * @param slot            the timeslot calls go out on
 */
public record HbpPeerOptions(String id, InetSocketAddress master, HbpPeerSessionConfig session,
        Duration reconnectMin, Duration reconnectMax, Set<Integer> talkgroups, boolean allowRadioCheck, int radioId,
        int slot, Duration streamTimeout) {

    public HbpPeerOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        talkgroups = Set.copyOf(talkgroups);
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2");
        }
    }

    /** One radio per call, one call in flight: a single slot through someone else's network. */
    public Pacing pacing() {
        return new Pacing(8, 1, 1);
    }

    boolean watches(int talkgroup) {
        return talkgroups.isEmpty() || talkgroups.contains(talkgroup);
    }
}
