package dev.outpost.protocol.fleetsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The vectors of {@code fleetsync/vectors.json}, bound by plain Jackson databind. */
final class FleetSyncVectors {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** An expected frame, or (for an invalid one) the reason substring. */
    record Expected(FleetSyncFrame frame, String invalidReason) {
    }

    record Vector(String name, byte[] wire, boolean roundTrip, List<Expected> frames) {
    }

    private FleetSyncVectors() {
    }

    static List<Vector> load() {
        try (InputStream in = FleetSyncVectors.class.getClassLoader().getResourceAsStream("fleetsync/vectors.json")) {
            List<Vector> out = new ArrayList<>();
            for (JsonNode v : PLAIN.readTree(in).get("vectors")) {
                List<Expected> frames = new ArrayList<>();
                for (JsonNode f : v.get("frames")) {
                    String type = f.get("type").asText();
                    frames.add(type.equals("Invalid") ? new Expected(null, f.get("reason").asText())
                            : new Expected((FleetSyncFrame) PLAIN.treeToValue(f.get("value"),
                            Class.forName(FleetSyncFrame.class.getName() + "$" + type)), null));
                }
                out.add(new Vector(v.get("name").asText(), v.get("wire").asText().getBytes(StandardCharsets.ISO_8859_1),
                        v.get("roundTrip").asBoolean(), frames));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("vector names an unknown type", e);
        }
    }
}
