package dev.outpost.gateway.link;

import java.util.Objects;
import java.util.Optional;

/**
 * A link on which a voice muster sends nothing and opens no call: the dispatcher speaks on a talkgroup and each unit
 * answers by keying up on it, and the link reports every transmission there as {@code ptt_start}/{@code ptt_end}
 * events on the channel {@code tg:<talkgroup>} with the talker's radio id as address. The muster engine takes T0 (the
 * end of the dispatcher's transmission) and the acks (key-ups) from those events itself, so that they are journaled
 * as muster inputs (docs/MUSTER.md, "Voice over DMR"). DMR links ({@code hbp-master}, {@code hbp-peer}) are such links.
 */
public interface TalkgroupVoiceLink {
    /** The link's configured defaults; a muster request may name others. */
    TalkgroupVoice talkgroupVoice();

    /**
     * @param dispatcherId the radio whose end of transmission is T0, or empty (T0 is then the muster's start)
     * @param talkgroup    the talkgroup voice musters use when their request names none, or empty
     */
    record TalkgroupVoice(Optional<Integer> dispatcherId, Optional<Integer> talkgroup) {
        public static final TalkgroupVoice NONE = new TalkgroupVoice(Optional.empty(), Optional.empty());

        public TalkgroupVoice {
            Objects.requireNonNull(dispatcherId, "dispatcherId");
            Objects.requireNonNull(talkgroup, "talkgroup");
        }

        /** The channel name PTT events on {@code talkgroup} carry. */
        public static String channel(int talkgroup) {
            return "tg:" + talkgroup;
        }
    }
}
