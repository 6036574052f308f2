package dev.outpost.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code groups:} section: which group ids the district and each street have on each bearer, so that a muster
 * of a whole street (or of everyone) can call the group instead of listing every unit (docs/MUSTER.md, "Groups").
 *
 * @param district the district's groups (used by muster scope {@code all})
 * @param streets  the streets' groups, in config order
 */
public record GroupSettings(GroupIds district, List<StreetGroups> streets) {
    public static final GroupSettings NONE = new GroupSettings(GroupIds.NONE, List.of());

    /**
     * One street's groups and where the street was named in the config (for problems found later, against the
     * registry).
     */
    public record StreetGroups(String street, GroupIds ids, int line, int column) {
        public StreetGroups {
            Objects.requireNonNull(street, "street");
            Objects.requireNonNull(ids, "ids");
        }
    }

    public GroupSettings {
        Objects.requireNonNull(district, "district");
        streets = List.copyOf(streets);
    }

    public Optional<GroupIds> street(String street) {
        return streets.stream().filter(s -> s.street().equals(street)).map(StreetGroups::ids).findFirst();
    }

    /**
     * Warnings for streets that no unit of the registry is on. A warning, not an error: the registry changes at run
     * time (over MQTT, on reload), and a group for a street without units is harmless, merely never used.
     *
     * @param configFile the config file the section came from
     */
    public List<Problem> unknownStreets(Path configFile, Collection<String> registryStreets) {
        Set<String> known = Set.copyOf(registryStreets);
        List<Problem> problems = new ArrayList<>();
        for (StreetGroups s : streets) {
            if (!known.contains(s.street())) {
                problems.add(Problem.warning(configFile, s.line(), s.column(), "'groups.streets' names street '"
                        + s.street() + "', which no unit in the registry is on"
                        + Suggestions.didYouMean(s.street(), known),
                        "street names must match the registry's street column exactly; this group is never used"));
            }
        }
        return problems;
    }
}
