package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the hand-written vectors in {@code hxt/vectors.json} and {@code hxt/invalid.json}. Expected
 * values are bound by plain Jackson databind (record components), independently of our decoders.
 */
class HxtCodecVectorsTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private final HxtCodec codec = new HxtCodec();

    @TestFactory
    Stream<DynamicTest> validVectorsDecodeAndEncode() {
        return load("hxt/vectors.json").stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            String text = PLAIN.writeValueAsString(v.get("wire"));
            HxtMessage expected = expectedValue(v);
            assertEquals(expected, codec.decode(text), "decode " + text);
            if (v.get("direction").asText().equals("both")) {
                assertEquals(text, codec.encode(expected), "encode " + expected);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidVectorsBecomeInvalidValues() {
        return load("hxt/invalid.json").stream().map(v -> {
            String reason = v.get("reason").asText();
            return DynamicTest.dynamicTest(reason, () -> {
                String text = v.has("text") ? v.get("text").asText() : PLAIN.writeValueAsString(v.get("wire"));
                HxtFrame frame = codec.decode(text);
                HxtFrame.Invalid invalid = assertInstanceOf(HxtFrame.Invalid.class, frame, text);
                assertTrue(invalid.reason().contains(reason), "reason '" + invalid.reason() + "' for " + text);
            });
        });
    }

    /** Every message type must be pinned by at least one two-way vector. */
    @Test
    void everyMessageTypeHasATwoWayVector() {
        Set<String> covered = new HashSet<>();
        for (JsonNode v : load("hxt/vectors.json")) {
            if (v.get("direction").asText().equals("both")) {
                covered.add(v.get("type").asText());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> group : List.of(HxtCommand.class, HxtReply.class, HxtEvent.class)) {
            collectLeaves(group, group.getSimpleName(), covered, missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void collectLeaves(Class<?> type, String outer, Set<String> covered, List<String> missing) {
        if (!type.isSealed()) {
            String name = outer + "." + type.getSimpleName();
            if (!covered.contains(name)) {
                missing.add(name);
            }
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collectLeaves(sub, outer, covered, missing);
        }
    }

    private static HxtMessage expectedValue(JsonNode vector) throws Exception {
        String[] parts = vector.get("type").asText().split("\\.");
        Class<?> type = Class.forName(HxtMessage.class.getPackageName() + "." + parts[0] + "$" + parts[1]);
        return (HxtMessage) PLAIN.treeToValue(vector.get("value"), type);
    }

    private static List<JsonNode> load(String resource) {
        try (InputStream in = HxtCodecVectorsTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<JsonNode> out = new ArrayList<>();
            PLAIN.readTree(in).get("vectors").forEach(out::add);
            assertTrue(out.size() > 5, "vectors loaded from " + resource);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
