package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Binds the {@code links:} list: common keys (id, type), unique ids, then the type's own binder. */
final class LinksBinder {
    /** Ids appear in MQTT topics, so they share the gateway id's rule. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final String ID_RULE = "1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit";

    static final Map<String, LinkBinder> BINDERS = Stream.of(new HxtLinkBinder(), new HbpMasterLinkBinder(),
            new HbpPeerLinkBinder(), new SerialLinkBinders.Pei(), new SerialLinkBinders.FleetSync())
            .collect(Collectors.toUnmodifiableMap(LinkBinder::type, b -> b));

    /** The bound links, and every id declared (even on links that failed), for cross-references. */
    record Links(List<LinkSettings> settings, List<String> declaredIds) {
    }

    private LinksBinder() {
    }

    static Links bind(MapReader root) {
        Optional<YamlNode.ListNode> list = root.list("links");
        List<LinkSettings> settings = new ArrayList<>();
        Map<String, YamlNode.Entry> ids = new LinkedHashMap<>();
        List<YamlNode> items = list.map(YamlNode.ListNode::items).orElse(List.of());
        for (int index = 0; index < items.size(); index++) {
            YamlNode item = items.get(index);
            if (!(item instanceof YamlNode.MapNode map)) {
                root.context().error(item.mark(), "each link must be a mapping with 'id' and 'type', not "
                        + item.describe(), null);
                continue;
            }
            MapReader link = new MapReader(map, "links[" + index + "]", map.mark(), root.context());
            Optional<String> id = link.requiredScalar("id").flatMap(s -> Values.matching(link, "id", ID, ID_RULE));
            id.ifPresent(value -> checkUnique(link, value, map.entries().get("id"), ids));
            bindType(link).flatMap(binder -> id.flatMap(value -> binder.bind(value, link))).ifPresent(settings::add);
            link.finish();
        }
        return new Links(List.copyOf(settings), List.copyOf(ids.keySet()));
    }

    private static void checkUnique(MapReader link, String id, YamlNode.Entry entry,
                                    Map<String, YamlNode.Entry> ids) {
        YamlNode.Entry first = ids.putIfAbsent(id, entry);
        if (first != null) {
            link.context().error(entry.value().mark(), "duplicate link id '" + id + "' (first on line "
                    + first.keyMark().line() + ")", "link ids must be unique");
        }
    }

    private static Optional<LinkBinder> bindType(MapReader link) {
        Optional<YamlNode.Scalar> type = link.requiredScalar("type");
        if (type.isEmpty()) {
            link.acceptAll();
            return Optional.empty();
        }
        LinkBinder binder = BINDERS.get(type.get().text());
        if (binder == null) {
            List<String> known = BINDERS.keySet().stream().sorted().toList();
            link.context().error(type.get().mark(), "unknown link type '" + type.get().text() + "'"
                    + Suggestions.didYouMean(type.get().text(), known), "known types: " + String.join(", ", known));
            link.acceptAll();
            return Optional.empty();
        }
        return Optional.of(binder);
    }
}
