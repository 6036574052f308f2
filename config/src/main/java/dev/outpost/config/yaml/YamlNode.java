package dev.outpost.config.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so validation can point at the line. */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {

    Mark mark();

    /** What the value is, in words for error messages: "a mapping", "a list", "a string", ... */
    String describe();

    /** A mapping key with its own position (the key, not the value, is what an error should name). */
    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    /** A mapping; entries keep file order. */
    record MapNode(Mark mark, Map<String, Entry> entries) implements YamlNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(Mark mark, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar as written; {@code kind} is how YAML typed it (an unquoted 5 is a number, "5" a string). */
    record Scalar(Mark mark, String text, ScalarKind kind) implements YamlNode {
        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "empty" : kind.description() + " '" + text + "'";
        }

        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    enum ScalarKind {
        STRING("the string"), INTEGER("the number"), DECIMAL("the number"), BOOLEAN("the boolean"), NULL("nothing");

        private final String description;

        ScalarKind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }
}
