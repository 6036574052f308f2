package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.Pacing;
import java.util.Optional;

/**
 * Decides, at a muster's start, which channel of a link a unit's calls go on, and that channel's pacing. Live
 * musters ask the links; a replay reads what the start recorded ({@link #recorded}), so it is deterministic.
 */
public interface ChannelAssigner {
    /** One channel and its pacing. */
    record Assignment(String channel, Pacing pacing) {
    }

    /** The channel of {@code link} for the unit {@code unitId} at {@code address}; empty = the link's own lane. */
    Optional<Assignment> assign(MusterLink link, String unitId, String address);

    /** Every unit on its link's own lane. */
    ChannelAssigner NONE = (link, unitId, address) -> Optional.empty();

    /** The assignment recorded in each link's {@link MusterChannels} (none for links recorded without). */
    static ChannelAssigner recorded() {
        return (link, unitId, address) -> Optional.ofNullable(link.channels().unitLanes().get(unitId))
                .map(channel -> new Assignment(channel, link.channels().pacing().get(channel)));
    }
}
