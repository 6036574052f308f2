package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a request asks for, reduced to a digest: the SHA-256 of its body without {@code transaction}, written
 * as canonical JSON (keys sorted at every level, no whitespace). Two requests that differ only in key order or
 * spacing have the same fingerprint; any other difference in a value changes it. The transaction cache keeps
 * this instead of the body, so a remembered transaction costs a few bytes whatever the payload size.
 */
final class RequestFingerprint {
    private RequestFingerprint() {}

    static String of(ObjectNode body) {
        ObjectNode withoutTransaction = (ObjectNode) canonical(body);
        withoutTransaction.remove("transaction");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(MqttJson.bytes(withoutTransaction)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A copy with the keys of every object in sorted order; the parser's depth limit bounds the recursion. */
    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = MqttJson.object();
            for (String name : names) {
                sorted.set(name, canonical(object.get(name)));
            }
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MqttJson.mapper().createArrayNode();
            array.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node; // scalars are immutable
    }
}
