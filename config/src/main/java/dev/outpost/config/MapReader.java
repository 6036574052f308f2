package dev.outpost.config;

import dev.outpost.config.yaml.Mark;
import dev.outpost.config.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of one YAML mapping, reporting every mistake to the {@link LoadContext}
 * instead of stopping. Each key a binder asks for becomes a known key, so {@link #finish()} can
 * flag the rest as unknown and suggest the closest known one.
 *
 * <p>Getters return empty when the key is absent, empty ({@code key:}) or invalid; the binder
 * then applies its default. Scalar parsing helpers live in {@link ValueReader}.
 */
final class MapReader {
    private final YamlNode.MapNode map;
    private final String path;
    private final Mark anchor;
    private final LoadContext context;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> tolerated = new LinkedHashSet<>();

    MapReader(YamlNode.MapNode map, String path, Mark anchor, LoadContext context) {
        this.map = map;
        this.path = path;
        this.anchor = anchor;
        this.context = context;
    }

    LoadContext context() {
        return context;
    }

    String path() {
        return path;
    }

    /** The key's own position if present, else where the mapping starts. */
    Mark markOf(String key) {
        YamlNode.Entry entry = map.entries().get(key);
        return entry == null ? anchor : entry.keyMark();
    }

    /** The key's non-empty value; marks the key as known. */
    Optional<YamlNode> value(String key) {
        known.add(key);
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    boolean has(String key) {
        return value(key).isPresent();
    }

    Optional<YamlNode.Scalar> scalar(String key) {
        Optional<YamlNode> node = value(key);
        if (node.isPresent() && !(node.get() instanceof YamlNode.Scalar)) {
            context.error(node.get().mark(), "'" + key + "' must be a single value, not " + node.get().describe(),
                    null);
            return Optional.empty();
        }
        return node.map(YamlNode.Scalar.class::cast);
    }

    /** A required scalar: absent or empty is reported as missing. */
    Optional<YamlNode.Scalar> requiredScalar(String key) {
        checkRequired(key);
        return scalar(key);
    }

    /** A required mapping: absent or empty is reported as missing. */
    Optional<MapReader> requiredSection(String key) {
        checkRequired(key);
        return section(key);
    }

    private void checkRequired(String key) {
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null) {
            context.error(anchor, "missing required key '" + key + "'" + in(), null);
        } else if (entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
            context.error(entry.keyMark(), "'" + key + "' has no value", "it is required" + in());
        }
    }

    /**
     * Recognises a key that must not be used (such as an inline secret) without offering it as a
     * valid key; returns its position if it is present.
     */
    Optional<Mark> forbidden(String key) {
        tolerated.add(key);
        return Optional.ofNullable(map.entries().get(key)).map(YamlNode.Entry::keyMark);
    }

    Optional<String> string(String key) {
        return scalar(key).map(YamlNode.Scalar::text);
    }

    Optional<MapReader> section(String key) {
        Optional<YamlNode> node = value(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.MapNode child) {
            return Optional.of(new MapReader(child, qualified(key), markOf(key), context));
        }
        context.error(node.get().mark(), "'" + key + "' must be a mapping of keys, not " + node.get().describe(),
                "indent its keys on the lines below '" + key + ":'");
        return Optional.empty();
    }

    Optional<YamlNode.ListNode> list(String key) {
        Optional<YamlNode> node = value(key);
        if (node.isPresent() && !(node.get() instanceof YamlNode.ListNode)) {
            context.error(node.get().mark(), "'" + key + "' must be a list, not " + node.get().describe(),
                    "write items as '- item' lines or as [a, b]");
            return Optional.empty();
        }
        return node.map(YamlNode.ListNode.class::cast);
    }

    /** Accepts every key without reading it (e.g. in a variant whose type was not recognised). */
    void acceptAll() {
        tolerated.addAll(map.entries().keySet());
    }

    /** Reports every key no binder asked for, with the closest known key as a suggestion. */
    void finish() {
        for (Map.Entry<String, YamlNode.Entry> entry : map.entries().entrySet()) {
            String key = entry.getKey();
            if (!known.contains(key) && !tolerated.contains(key)) {
                context.error(entry.getValue().keyMark(),
                        "unknown key '" + key + "'" + Suggestions.didYouMean(key, known),
                        "valid keys" + in() + ": " + String.join(", ", known));
            }
        }
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String in() {
        return path.isEmpty() ? " at the top level" : " in '" + path + "'";
    }
}
