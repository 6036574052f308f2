package dev.outpost.gateway.muster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A muster's lanes: one per link, plus one per channel of a link that paces per channel (a repeater slot), made as
 * units are planned onto them. Lanes keep their creation order, so dispatch order is the same on replay.
 */
final class LaneSet {
    private final Map<String, MusterLink> links = new LinkedHashMap<>();
    private final Map<String, LinkLane> byKey = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> unitChannels = new LinkedHashMap<>();
    private final ChannelAssigner assigner;
    private final long startNanos;

    LaneSet(List<MusterLink> links, ChannelAssigner assigner, long startNanos) {
        links.forEach(link -> this.links.put(link.linkId(), link));
        this.assigner = assigner;
        this.startNanos = startNanos;
    }

    /** The links in their configured order. */
    Map<String, MusterLink> links() {
        return links;
    }

    /** The lane a unit's calls on {@code link} take: its channel's, or the link's own. */
    LinkLane laneFor(MusterLink link, String unitId, String address) {
        Optional<ChannelAssigner.Assignment> assigned = assigner.assign(link, unitId, address);
        if (assigned.isEmpty()) {
            return byKey.computeIfAbsent(link.linkId(), k -> new LinkLane(link, null, link.pacing(), startNanos));
        }
        ChannelAssigner.Assignment a = assigned.get();
        unitChannels.computeIfAbsent(link.linkId(), k -> new LinkedHashMap<>()).put(unitId, a.channel());
        return byKey.computeIfAbsent(link.linkId() + "\n" + a.channel(),
                k -> new LinkLane(link, a.channel(), a.pacing(), startNanos));
    }

    /** The lane of a link that has only its own lane (no channels), if any unit was planned on it. */
    Optional<LinkLane> singleLaneOf(String linkId) {
        return unitChannels.containsKey(linkId) ? Optional.empty() : Optional.ofNullable(byKey.get(linkId));
    }

    Collection<LinkLane> all() {
        return byKey.values();
    }

    /** The links with the channels units were planned on and their group calls, as the muster's start record keeps them. */
    List<MusterLink> asPlanned() {
        List<MusterLink> out = new ArrayList<>();
        for (MusterLink link : links.values()) {
            Map<String, String> units = unitChannels.getOrDefault(link.linkId(), Map.of());
            Map<String, dev.outpost.gateway.link.Pacing> pacing = new LinkedHashMap<>();
            byKey.values().stream().filter(l -> l.link == link && l.channel != null)
                    .forEach(l -> pacing.put(l.channel, l.pacing));
            Optional<String> group = Optional.ofNullable(byKey.get(link.linkId())).map(l -> l.plannedGroup);
            out.add(link.asPlanned(units.isEmpty() ? MusterChannels.NONE : new MusterChannels(pacing, units), group));
        }
        return out;
    }
}
