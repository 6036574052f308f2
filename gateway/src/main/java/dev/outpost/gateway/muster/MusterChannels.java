package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.Pacing;
import java.util.Map;

/**
 * The channels of one link a muster used (repeater slots, say), as planned at its start: each channel's pacing and
 * which unit went on which channel. Recorded with the muster's start, so a replay puts every unit on the same lane.
 * Units not listed use the link's own lane (the link is one channel for them).
 *
 * @param pacing    pacing by channel name
 * @param unitLanes channel name by unit id
 */
public record MusterChannels(Map<String, Pacing> pacing, Map<String, String> unitLanes) {
    public static final MusterChannels NONE = new MusterChannels(Map.of(), Map.of());

    public MusterChannels {
        pacing = Map.copyOf(pacing);
        unitLanes = Map.copyOf(unitLanes);
        for (String channel : unitLanes.values()) {
            if (!pacing.containsKey(channel)) {
                throw new IllegalArgumentException("channel '" + channel + "' has no pacing");
            }
        }
    }

    public boolean isEmpty() {
        return unitLanes.isEmpty();
    }
}
