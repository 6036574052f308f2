package dev.outpost.config;

import dev.outpost.config.yaml.Mark;
import dev.outpost.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Binds {@code groups: { district: {poc, dmr_talkgroup}, streets: { <street>: {poc, dmr_talkgroup} } }}. Each
 * group id may belong to one level only: a PoC group shared by two streets would call the other street's units.
 */
final class GroupsBinder {
    /** The hxt identifier rule (1..128 characters), without leading or trailing blanks. */
    static final Pattern POC_GROUP = Pattern.compile("\\S(.{0,126}\\S)?");
    static final String POC_GROUP_RULE = "a PoC group id is 1 to 128 characters, not starting or ending with a space";

    private GroupsBinder() {
    }

    /** Where each group id was first given, to report a second use. */
    private static final class Owners {
        final Map<String, String> poc = new HashMap<>();
        final Map<Long, String> talkgroup = new HashMap<>();
    }

    static GroupSettings bind(MapReader root) {
        Optional<MapReader> section = root.section("groups");
        if (section.isEmpty()) {
            return GroupSettings.NONE;
        }
        MapReader r = section.get();
        Owners owners = new Owners();
        GroupIds district = r.section("district").map(d -> ids(d, "the district", owners)).orElse(GroupIds.NONE);
        List<GroupSettings.StreetGroups> streets = new ArrayList<>();
        Optional<YamlNode> streetsNode = r.value("streets");
        if (streetsNode.isPresent() && !(streetsNode.get() instanceof YamlNode.MapNode)) {
            r.context().error(streetsNode.get().mark(), "'streets' must map street names to their groups, not "
                    + streetsNode.get().describe(), "e.g. streets: { Shipai: { poc: G-SHIPAI, dmr_talkgroup: 4601 } }");
        } else if (streetsNode.isPresent()) {
            for (Map.Entry<String, YamlNode.Entry> e : ((YamlNode.MapNode) streetsNode.get()).entries().entrySet()) {
                street(r, e.getKey(), e.getValue(), owners).ifPresent(streets::add);
            }
        }
        r.finish();
        return new GroupSettings(district, streets);
    }

    private static Optional<GroupSettings.StreetGroups> street(MapReader parent, String street, YamlNode.Entry entry,
                                                               Owners owners) {
        Mark at = entry.keyMark();
        if (street.isBlank()) {
            parent.context().error(at, "'groups.streets' has a street with an empty name", null);
            return Optional.empty();
        }
        if (!(entry.value() instanceof YamlNode.MapNode map)) {
            parent.context().error(entry.value().mark(), "street '" + street + "' must map to its groups, not "
                    + entry.value().describe(), "e.g. " + street + ": { poc: G-1, dmr_talkgroup: 4601 }");
            return Optional.empty();
        }
        MapReader r = new MapReader(map, "groups.streets." + street, at, parent.context());
        GroupIds ids = ids(r, "street '" + street + "'", owners);
        return ids.isEmpty() ? Optional.empty()
                : Optional.of(new GroupSettings.StreetGroups(street, ids, at.line(), at.column()));
    }

    private static GroupIds ids(MapReader r, String owner, Owners owners) {
        Optional<String> poc = Values.matching(r, "poc", POC_GROUP, POC_GROUP_RULE);
        OptionalLong talkgroup = Values.whole(r, "dmr_talkgroup", 1, GroupIds.MAX_DMR_TALKGROUP)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        r.finish();
        poc.ifPresent(id -> claim(r, "poc", "PoC group '" + id + "'", owners.poc.putIfAbsent(id, owner)));
        talkgroup.ifPresent(tg -> claim(r, "dmr_talkgroup", "DMR talkgroup " + tg,
                owners.talkgroup.putIfAbsent(tg, owner)));
        GroupIds ids = new GroupIds(poc, talkgroup);
        if (!r.has("poc") && !r.has("dmr_talkgroup")) {
            r.context().error(r.markOf("poc"), owner + " names no group", "give 'poc' and/or 'dmr_talkgroup'");
        }
        return ids;
    }

    private static void claim(MapReader r, String key, String what, String previousOwner) {
        if (previousOwner != null) {
            r.context().error(r.markOf(key), what + " is already the group of " + previousOwner,
                    "each group belongs to one level: calling it must reach exactly that street's (or the "
                            + "district's) units");
        }
    }
}
