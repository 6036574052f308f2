package dev.outpost.protocol.hxt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Structure-aware mutations of a valid frame: it is parsed (by a plain mapper, not the codec under test), one
 * field or array entry is changed, and the tree is written back. Values that plain JSON trees cannot hold
 * (huge numbers, NaN, deep nesting, bad escapes) are spliced in as raw text at a marker.
 */
final class JsonValueMutator {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "\u0000raw\u0000";
    private static final String QUOTED_MARKER = "\"\\u0000raw\\u0000\"";
    private static final String[] NAMES = {"command", "event", "success", "seq", "nonce", "user", "users", "call_id",
        "session", "refused", "error", "stream_id", "lat", "lon", "staff", "mode", "expect", "timeout_ms", "text",
        "channel", "group", "from", "status", "reason", "accuracy_m", "auth_token", "client", "ts"};
    private static final String[] WIRE_WORDS = {"logon", "ping", "roll_call", "pong", "user_online", "user_offline",
        "stream_start", "stream_stop", "roll_call_ack", "location", "sos", "text", "auto", "confirm", "offline",
        "unknown", "AUTO", "Ping", ""};

    private JsonValueMutator() {
    }

    /** One structural mutation of {@code frame}, which must be a JSON object; anything else is returned as is. */
    static String mutate(String frame, RandomGenerator r) {
        JsonNode root;
        try {
            root = PLAIN.readTree(frame);
        } catch (JsonProcessingException notJson) {
            return frame;
        }
        if (root == null || !root.isObject()) {
            return frame;
        }
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        String raw = null;
        if (target instanceof ObjectNode object) {
            raw = mutateObject(object, r);
        } else if (target instanceof ArrayNode array) {
            raw = mutateArray(array, r);
        }
        String text = root.toString();
        return raw == null ? text : text.replace(QUOTED_MARKER, raw);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collectContainers(child, out));
        }
    }

    /** Returns the raw text to splice in at the marker, or null when no marker was placed. */
    private static String mutateObject(ObjectNode object, RandomGenerator r) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || r.nextInt(4) == 0 ? NAMES[r.nextInt(NAMES.length)]
                : names.get(r.nextInt(names.size()));
        switch (r.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, otherValue(r));
            case 2 -> object.put(name, WIRE_WORDS[r.nextInt(WIRE_WORDS.length)]);
            case 3 -> {
                object.put(name, MARKER);
                return RawJson.any(r);
            }
            case 4 -> renameAll(object, name, NAMES[r.nextInt(NAMES.length)]);
            default -> object.set(name, NODES.nullNode());
        }
        return null;
    }

    private static String mutateArray(ArrayNode array, RandomGenerator r) {
        int index = array.isEmpty() ? 0 : r.nextInt(array.size());
        switch (r.nextInt(4)) {
            case 0 -> {
                if (!array.isEmpty()) {
                    array.remove(index);
                }
            }
            case 1 -> array.insert(index, otherValue(r));
            case 2 -> {
                array.insert(index, MARKER);
                return RawJson.any(r);
            }
            default -> {
                for (int copies = r.nextInt(300); copies > 0 && !array.isEmpty(); copies--) {
                    array.add(array.get(index).deepCopy());
                }
            }
        }
        return null;
    }

    /** Moves the value of {@code from} to {@code to}, keeping field order otherwise. */
    private static void renameAll(ObjectNode object, String from, String to) {
        JsonNode value = object.get(from);
        if (value == null) {
            return;
        }
        ObjectNode copy = object.deepCopy();
        object.removeAll();
        for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            object.set(name.equals(from) ? to : name, copy.get(name));
        }
    }

    /** A value of any JSON type, biased to boundaries and types that a field does not expect. */
    private static JsonNode otherValue(RandomGenerator r) {
        return switch (r.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(HxtLimits.MAX_SAFE_INTEGER + 1);
            case 5 -> NODES.numberNode(r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 6 -> NODES.numberNode(r.nextBoolean() ? 7.0 : 1.5e308);
            case 7 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(40))));
            case 8 -> NODES.textNode("");
            case 9 -> NODES.textNode("7");
            case 10 -> NODES.textNode(HxtMessageGen.text(r, 129, 5000));
            case 11 -> NODES.arrayNode().add(HxtMessageGen.id(r)).add(1);
            case 12 -> NODES.objectNode().put("user", HxtMessageGen.id(r));
            default -> NODES.numberNode(r.nextDouble(-1e6, 1e6));
        };
    }
}
