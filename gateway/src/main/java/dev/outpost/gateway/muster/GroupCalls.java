package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a muster's first attempt on a link calls a group instead of listing its units. The group is only an
 * addressing shortcut on the wire: the call still carries every unit's attempt, each unit's ack is still matched to
 * that unit and timed from the call's send instant. So it is used only when calling the group reaches exactly the
 * units the muster calls on that link: a street (or the district, for {@code all}) whose every member on the link's
 * bearer is called there now. A member on leave, deactivated, or placed on another link would be called by the
 * group without being part of the muster, so then the units are listed as usual. Pure.
 */
final class GroupCalls {
    private GroupCalls() {
    }

    /**
     * @param offered     the group configured for the scope on this link ({@link GroupAssigner})
     * @param calledUnits the ids of the units the muster queued on this link's single lane for their first attempt
     * @param registry    the registry the muster was planned from: a group's members are its units with an address
     *                    on the link's bearer
     */
    static Optional<String> decide(MusterScope scope, CallMethod method, MusterLink link, Optional<String> offered,
                                   Set<String> calledUnits, UnitRegistry registry) {
        if (offered.isEmpty() || !carriesGroupCalls(method)
                || !(scope instanceof MusterScope.Street || scope instanceof MusterScope.All)) {
            return Optional.empty();
        }
        Set<String> members = members(scope, link.bearer(), registry.units());
        return !members.isEmpty() && members.equals(calledUnits) ? offered : Optional.empty();
    }

    /** Voice musters are answered by keying up on a talkgroup the dispatcher speaks on; no group roll call exists. */
    static boolean carriesGroupCalls(CallMethod method) {
        return method == CallMethod.POLL || method == CallMethod.CONFIRM;
    }

    private static Set<String> members(MusterScope scope, Bearer bearer, List<Unit> units) {
        return units.stream()
                .filter(u -> !(scope instanceof MusterScope.Street s) || u.street().equals(s.street()))
                .filter(u -> u.address(bearer).isPresent())
                .map(Unit::unitId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * Plans each link's group call: the link's own lane (never a link split into channels) takes the group when
     * {@link #decide} allows it.
     */
    static void plan(MusterRequest request, UnitRegistry registry, LaneSet lanes, GroupAssigner assigner) {
        for (MusterLink link : lanes.links().values()) {
            Optional<String> offered = assigner.groupOf(link, request.scope());
            Optional<LinkLane> lane = lanes.singleLaneOf(link.linkId());
            if (offered.isEmpty() || lane.isEmpty()) {
                continue;
            }
            Set<String> called = lane.get().queue.stream().map(u -> u.unit.unitId()).collect(Collectors.toSet());
            decide(request.scope(), request.method(), link, offered, called, registry)
                    .ifPresent(group -> lane.get().planGroup(group));
        }
    }
}
