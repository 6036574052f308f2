package dev.outpost.simulator.hxt;

import dev.outpost.config.registry.UnitClass;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The PoC groups the simulated platform knows, mirroring district → street → unit dispatch:
 * {@code all}, one group per street (lower case, spaces as dashes, e.g. {@code tianhe-south}) and
 * one per class ({@code class-a} .. {@code class-d}).
 */
final class SimGroups {
    static final String ALL = "all";

    private final Map<String, List<String>> members = new LinkedHashMap<>();

    SimGroups(BehaviourModel model) {
        for (UnitBehaviour b : model.all()) {
            add(ALL, b.user());
            if (!b.unit().street().isBlank()) {
                add(streetGroup(b.unit().street()), b.user());
            }
            add(classGroup(b.unit().unitClass()), b.user());
        }
    }

    static String streetGroup(String street) {
        return street.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    static String classGroup(UnitClass unitClass) {
        return "class-" + unitClass.name().toLowerCase(Locale.ROOT);
    }

    Optional<List<String>> members(String group) {
        return Optional.ofNullable(members.get(group)).map(List::copyOf);
    }

    private void add(String group, String user) {
        members.computeIfAbsent(group, g -> new ArrayList<>()).add(user);
    }
}
