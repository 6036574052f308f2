package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request and resolves its scope against a registry snapshot. Pure: every problem is
 * collected into a list so the caller can report them all at once.
 */
final class MusterPlanner {
    private MusterPlanner() {
    }

    static List<String> problems(MusterRequest request, UnitRegistry registry, List<MusterLink> links) {
        List<String> problems = new ArrayList<>();
        if (request.scope() == null) {
            problems.add("scope is required");
        }
        if (request.method() == null) {
            problems.add("method is required");
        }
        requirePositive("attempt_timeout", request.attemptTimeout(), problems);
        requirePositive("deadline", request.deadline(), problems);
        if (request.retries() < 0) {
            problems.add("retries must be >= 0, got " + request.retries());
        }
        if (request.lateWindow() == null || request.lateWindow().isNegative()) {
            problems.add("late_window must be >= 0, got " + request.lateWindow());
        }
        Set<String> linkIds = new LinkedHashSet<>();
        links.forEach(l -> linkIds.add(l.linkId()));
        for (String preferred : request.preferLinks()) {
            if (!linkIds.contains(preferred)) {
                problems.add("prefer_links names unknown link '" + preferred + "'; known: " + linkIds);
            }
        }
        if (request.method() != null && links.stream().noneMatch(l -> l.canCarry(request.method()))) {
            problems.add("no configured link can carry method '" + request.method().wireName() + "'");
        }
        if (request.scope() != null) {
            problems.addAll(scopeProblems(request.scope(), registry));
        }
        voiceProblems(request, links, problems);
        return problems;
    }

    /** A talkgroup or dispatcher only for voice; a voice muster needs a talkgroup on each talkgroup link it may use. */
    private static void voiceProblems(MusterRequest request, List<MusterLink> links, List<String> problems) {
        if (request.method() != CallMethod.VOICE) {
            if (request.talkgroup().isPresent() || request.dispatcherId().isPresent()) {
                problems.add("talkgroup and dispatcher_id are for voice musters only");
            }
            return;
        }
        for (MusterLink link : links) {
            if (link.up() && link.canCarry(CallMethod.VOICE) && link.talkgroupVoice()
                    .filter(defaults -> VoiceFloor.talkgroup(request, defaults).isEmpty()).isPresent()) {
                problems.add("link '" + link.linkId() + "' hears voice musters on a talkgroup, and none is set: "
                        + "name 'talkgroup' in the request or set 'voice_talkgroup' on the link");
            }
        }
    }

    private static void requirePositive(String name, Duration value, List<String> problems) {
        if (value == null || value.isZero() || value.isNegative()) {
            problems.add(name + " must be > 0, got " + value);
        }
    }

    private static List<String> scopeProblems(MusterScope scope, UnitRegistry registry) {
        List<String> problems = new ArrayList<>();
        if (scope instanceof MusterScope.Units units) {
            if (units.unitIds().isEmpty()) {
                problems.add("scope lists no units");
            }
            Set<String> seen = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            List<String> repeated = new ArrayList<>();
            for (String id : units.unitIds()) {
                if (!seen.add(id)) {
                    repeated.add(id);
                } else if (registry.byId(id).isEmpty()) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                problems.add("unknown unit ids: " + String.join(", ", unknown));
            }
            if (!repeated.isEmpty()) {
                problems.add("unit ids listed twice: " + String.join(", ", repeated));
            }
        } else if (resolve(scope, registry).isEmpty()) {
            problems.add("scope " + scope.describe() + " matches no unit in the registry");
        }
        return problems;
    }

    /** The units in scope, in registry order (explicit lists keep their own order). */
    static List<Unit> resolve(MusterScope scope, UnitRegistry registry) {
        if (scope instanceof MusterScope.Units units) {
            return units.unitIds().stream().map(registry::byId).flatMap(Optional::stream).toList();
        }
        return registry.units().stream().filter(unit -> inScope(scope, unit)).toList();
    }

    // Java 17 has no pattern switch; the Units case is handled by the caller.
    private static boolean inScope(MusterScope scope, Unit unit) {
        if (scope instanceof MusterScope.Street street) {
            return unit.street().equals(street.street());
        }
        if (scope instanceof MusterScope.ByClass byClass) {
            return unit.unitClass() == byClass.unitClass();
        }
        return true;
    }

    /**
     * One state per unit in scope: excluded units and units no up link can reach are finished at once;
     * the others are assigned to a lane by preference order and queued for their first attempt.
     */
    static List<UnitState> plan(MusterRequest request, UnitRegistry registry, LaneSet lanes) {
        List<MusterLink> order = preferenceOrder(request, lanes.links());
        List<UnitState> states = new ArrayList<>();
        for (Unit unit : resolve(request.scope(), registry)) {
            if (unit.lifecycle() == Lifecycle.ON_LEAVE) {
                states.add(UnitState.finishedAtStart(unit, MusterOutcome.ON_LEAVE, "on leave"));
            } else if (unit.lifecycle() == Lifecycle.DEACTIVATED) {
                states.add(UnitState.finishedAtStart(unit, MusterOutcome.DEACTIVATED, "deactivated"));
            } else {
                states.add(assign(unit, order, lanes));
            }
        }
        return states;
    }

    private static UnitState assign(Unit unit, List<MusterLink> order, LaneSet lanes) {
        for (MusterLink link : order) {
            Optional<String> address = unit.address(link.bearer());
            if (address.isPresent()) {
                LinkLane lane = lanes.laneFor(link, unit.unitId(), address.get());
                UnitState state = new UnitState(unit, lane, address.get());
                state.queued = true;
                lane.queue.addLast(state);
                return state;
            }
        }
        return UnitState.finishedAtStart(unit, MusterOutcome.UNREACHABLE, "no address on an up link that carries the method");
    }

    /** Up links that carry the method: the preferred ones first, in the request's order, then the rest. */
    private static List<MusterLink> preferenceOrder(MusterRequest request, Map<String, MusterLink> links) {
        Map<String, MusterLink> ordered = new LinkedHashMap<>();
        request.preferLinks().forEach(id -> {
            if (links.containsKey(id)) {
                ordered.put(id, links.get(id));
            }
        });
        links.forEach(ordered::putIfAbsent);
        return ordered.values().stream()
                .filter(link -> link.up() && link.canCarry(request.method()))
                .toList();
    }
}
