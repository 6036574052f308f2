package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import dev.outpost.gateway.link.TalkgroupVoiceLink.TalkgroupVoice;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine needs to know about one link at muster start.
 *
 * @param up       whether the link is up now; units reachable only over links that are down are {@code unreachable}
 * @param methods  the call methods the link can carry
 * @param channels the link's channels the muster planned units on (empty until planned; see {@link MusterChannels})
 * @param group    the group the muster's first attempt on this link calls instead of listing its units (planned at
 *                 start, see {@link GroupCalls}); empty when it lists them
 * @param talkgroupVoice for a {@link TalkgroupVoiceLink}: its dispatcher and talkgroup defaults (voice musters
 *                 then listen for PTT events instead of calling); empty for other links
 */
public record MusterLink(String linkId, Bearer bearer, Pacing pacing, boolean up, Set<CallMethod> methods,
                         MusterChannels channels, Optional<String> group, Optional<TalkgroupVoice> talkgroupVoice) {
    public MusterLink {
        methods = Set.copyOf(methods);
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(talkgroupVoice, "talkgroupVoice");
    }

    /** A link without a planned group call. */
    public MusterLink(String linkId, Bearer bearer, Pacing pacing, boolean up, Set<CallMethod> methods,
                      MusterChannels channels, Optional<TalkgroupVoice> talkgroupVoice) {
        this(linkId, bearer, pacing, up, methods, channels, Optional.empty(), talkgroupVoice);
    }

    public MusterLink(String linkId, Bearer bearer, Pacing pacing, boolean up, Set<CallMethod> methods,
                      MusterChannels channels) {
        this(linkId, bearer, pacing, up, methods, channels, Optional.empty());
    }

    /** A link whose channels are not (yet) known: one lane for the whole link. */
    public MusterLink(String linkId, Bearer bearer, Pacing pacing, boolean up, Set<CallMethod> methods) {
        this(linkId, bearer, pacing, up, methods, MusterChannels.NONE);
    }

    public boolean canCarry(CallMethod method) {
        return methods.contains(method);
    }

    MusterLink asPlanned(MusterChannels planned, Optional<String> plannedGroup) {
        return new MusterLink(linkId, bearer, pacing, up, methods, planned, plannedGroup, talkgroupVoice);
    }
}
