package dev.outpost.protocol.hxt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, reason-giving access to the fields of one JSON object. A JSON {@code null} counts as absent
 * (docs/protocols/hxt.md section 3); unknown fields are simply never asked for.
 */
final class HxtFields {
    private final ObjectNode node;

    HxtFields(ObjectNode node) {
        this.node = node;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalString(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode v = node.get(name);
        if (!v.isTextual()) {
            throw wrongType(name, "a string", v);
        }
        return Optional.of(v.textValue());
    }

    long integer(String name) {
        return optionalInteger(name).orElseThrow(() -> missing(name));
    }

    Optional<Long> optionalInteger(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber()) {
            throw wrongType(name, "an integer", v);
        }
        if (!v.canConvertToLong()) {
            throw new HxtDecodeException(name + " is out of range");
        }
        return Optional.of(v.longValue());
    }

    /** An optional integer that must also fit an {@code int} (the record validates the exact range). */
    Integer optionalSmallInteger(String name) {
        Long v = optionalInteger(name).orElse(null);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new HxtDecodeException(name + " is out of range");
        }
        return v == null ? null : v.intValue();
    }

    double number(String name) {
        Double v = optionalNumber(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    Double optionalNumber(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.isNumber()) {
            throw wrongType(name, "a number", v);
        }
        return v.doubleValue();
    }

    boolean bool(String name) {
        if (!has(name)) {
            throw missing(name);
        }
        JsonNode v = node.get(name);
        if (!v.isBoolean()) {
            throw wrongType(name, "a boolean", v);
        }
        return v.booleanValue();
    }

    <E> E enumValue(String name, Function<String, Optional<E>> fromWire) {
        String text = string(name);
        return fromWire.apply(text).orElseThrow(() -> new HxtDecodeException(name + " has an unknown value"));
    }

    /** An optional array of strings; absent is an empty list. Entry validation is left to the record. */
    List<String> optionalStrings(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : optionalArray(name)) {
            if (!entry.isTextual()) {
                throw new HxtDecodeException(name + " entries must be strings, found " + describe(entry));
            }
            out.add(entry.textValue());
        }
        return out;
    }

    /** The objects of a required array, each wrapped for field access. */
    List<HxtFields> objects(String name) {
        if (!has(name)) {
            throw missing(name);
        }
        List<HxtFields> out = new ArrayList<>();
        for (JsonNode entry : optionalArray(name)) {
            if (!entry.isObject()) {
                throw new HxtDecodeException(name + " entries must be objects, found " + describe(entry));
            }
            out.add(new HxtFields((ObjectNode) entry));
        }
        return out;
    }

    private Iterable<JsonNode> optionalArray(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode v = node.get(name);
        if (!v.isArray()) {
            throw wrongType(name, "an array", v);
        }
        return v;
    }

    private static HxtDecodeException missing(String name) {
        return new HxtDecodeException("missing required field " + name);
    }

    private static HxtDecodeException wrongType(String name, String expected, JsonNode found) {
        return new HxtDecodeException(name + " must be " + expected + ", found " + describe(found));
    }

    /** The JSON type only, never the value: a value could be a secret. */
    static String describe(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
