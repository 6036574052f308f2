package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
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
 * @param voice           the dispatcher and talkgroup of voice musters, as configured
 */
public record HbpPeerOptions(String id, InetSocketAddress master, HbpPeerSessionConfig session,
        Duration reconnectMin, Duration reconnectMax, Set<Integer> talkgroups, boolean allowRadioCheck, int radioId,
        int slot, Duration streamTimeout, TalkgroupVoiceLink.TalkgroupVoice voice) {

    public HbpPeerOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        talkgroups = Set.copyOf(talkgroups);
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        Objects.requireNonNull(voice, "voice");
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2");
        }
    }

    /** Options without voice-muster defaults. */
    public HbpPeerOptions(String id, InetSocketAddress master, HbpPeerSessionConfig session, Duration reconnectMin,
            Duration reconnectMax, Set<Integer> talkgroups, boolean allowRadioCheck, int radioId, int slot,
            Duration streamTimeout) {
        this(id, master, session, reconnectMin, reconnectMax, talkgroups, allowRadioCheck, radioId, slot,
                streamTimeout, TalkgroupVoiceLink.TalkgroupVoice.NONE);
    }

    /** One radio per call, one call in flight: a single slot through someone else's network. */
    public Pacing pacing() {
        return new Pacing(8, 1, 1);
    }

    boolean watches(int talkgroup) {
        return talkgroups.isEmpty() || talkgroups.contains(talkgroup);
    }
}
