package dev.outpost.protocol.pei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written vectors of {@code pei/vectors.json}. Expected frames are bound by plain Jackson databind
 * (record components), independently of our decoders; an expected invalid frame is a reason substring.
 */
final class PeiVectors {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** One expected frame: the value, or (for an invalid frame) the reason substring. */
    record Expected(PeiFrame frame, String invalidReason) {
    }

    record Vector(String name, byte[] wire, boolean roundTrip, List<Expected> frames) {
        @Override
        public String toString() {
            return name;
        }
    }

    private PeiVectors() {
    }

    static List<Vector> load() {
        try (InputStream in = PeiVectors.class.getClassLoader().getResourceAsStream("pei/vectors.json")) {
            List<Vector> out = new ArrayList<>();
            for (JsonNode v : PLAIN.readTree(in).get("vectors")) {
                List<Expected> frames = new ArrayList<>();
                for (JsonNode f : v.get("frames")) {
                    frames.add(expected(f));
                }
                out.add(new Vector(v.get("name").asText(), bytes(v.get("wire").asText()),
                        v.get("roundTrip").asBoolean(), frames));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("vector names an unknown type", e);
        }
    }

    /** Chars 0 to 255 of a JSON string as the bytes they stand for. */
    static byte[] bytes(String wire) {
        return wire.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Expected expected(JsonNode f) throws IOException, ReflectiveOperationException {
        String type = f.get("type").asText();
        if (type.equals("Invalid")) {
            return new Expected(null, f.get("reason").asText());
        }
        if (type.equals("SdsReceived")) {
            SdsHeader header = PLAIN.treeToValue(f.get("header"), SdsHeader.class);
            JsonNode p = f.get("payload");
            SdsPayload payload = (SdsPayload) PLAIN.treeToValue(p.get("value"),
                    Class.forName(SdsPayload.class.getName() + "$" + p.get("type").asText()));
            return new Expected(new PeiFrame.SdsReceived(header, payload), null);
        }
        Class<?> cls = Class.forName(PeiFrame.class.getName() + "$" + type);
        return new Expected((PeiFrame) PLAIN.treeToValue(f.get("value"), cls), null);
    }
}
