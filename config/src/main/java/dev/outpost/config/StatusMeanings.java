package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a fleet's status values mean, from config: a {@code statuses:} mapping of value to meaning (e.g.
 * {@code "8002": present}) and an {@code ack_statuses:} list of the values that answer a confirm call. Meanings are
 * never built into code; a value without one is reported raw.
 */
public record StatusMeanings(Map<Integer, String> meanings, Set<Integer> ackStatuses) {
    static final Pattern MEANING = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public StatusMeanings {
        meanings = Map.copyOf(meanings);
        ackStatuses = Set.copyOf(ackStatuses);
    }

    public static StatusMeanings none() {
        return new StatusMeanings(Map.of(), Set.of());
    }

    public Optional<String> meaning(int status) {
        return Optional.ofNullable(meanings.get(status));
    }

    public boolean isAck(int status) {
        return ackStatuses.contains(status);
    }

    /**
     * Reads {@code statuses} and {@code ack_statuses} from {@code r}; {@code parse} turns a value's text into the
     * number, or null when it is not one ({@code rule} says what is expected).
     */
    static StatusMeanings read(MapReader r, Function<String, Integer> parse, String rule) {
        Map<Integer, String> meanings = new LinkedHashMap<>();
        Optional<YamlNode> node = r.value("statuses");
        if (node.isPresent() && !(node.get() instanceof YamlNode.MapNode)) {
            r.context().error(node.get().mark(), "'statuses' must be a mapping of status value to meaning, not "
                    + node.get().describe(), "e.g. \"8002\": present");
        } else if (node.isPresent()) {
            for (Map.Entry<String, YamlNode.Entry> e : ((YamlNode.MapNode) node.get()).entries().entrySet()) {
                Integer value = parse.apply(e.getKey());
                YamlNode meaning = e.getValue().value();
                if (value == null) {
                    r.context().error(e.getValue().keyMark(), "status '" + e.getKey() + "' is not valid: " + rule,
                            null);
                } else if (!(meaning instanceof YamlNode.Scalar s) || !MEANING.matcher(s.text()).matches()) {
                    r.context().error(meaning.mark(), "the meaning of status '" + e.getKey() + "' must be a word "
                            + "of a-z, 0-9, '_' and '-' (e.g. present, arrived, busy), not " + meaning.describe(), null);
                } else {
                    meanings.put(value, s.text());
                }
            }
        }
        Set<Integer> acks = new TreeSet<>();
        List<String> listed = HbpValues.textList(r, "ack_statuses");
        for (String text : listed) {
            Integer value = parse.apply(text);
            if (value == null) {
                r.context().error(r.markOf("ack_statuses"), "ack status '" + text + "' is not valid: " + rule, null);
            } else {
                acks.add(value);
            }
        }
        return new StatusMeanings(meanings, acks);
    }
}
