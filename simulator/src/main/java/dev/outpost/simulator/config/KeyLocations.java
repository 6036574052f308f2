package dev.outpost.simulator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each key of a YAML document stands, by dotted path ({@code hxt.ping_interval}). Jackson
 * binds records through a token buffer, so its own error positions can point past the culprit;
 * looking the error's path up here names the key's own line instead.
 */
final class KeyLocations {
    private final Map<String, JsonLocation> byPath;

    private KeyLocations(Map<String, JsonLocation> byPath) {
        this.byPath = byPath;
    }

    /** Indexes the keys of {@code yaml}; a document that does not parse yields an empty index. */
    static KeyLocations of(String yaml) {
        Map<String, JsonLocation> out = new HashMap<>();
        Deque<String> containers = new ArrayDeque<>();
        String pendingKey = null;
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    pendingKey = join(containers.peek(), p.currentName());
                    out.putIfAbsent(pendingKey, p.currentTokenLocation());
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    containers.push(pendingKey == null ? "" : pendingKey);
                    pendingKey = null;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    containers.pop();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The binder reports syntax errors itself, with their position.
        }
        return new KeyLocations(out);
    }

    /** The location of the deepest known key on the error's path, if any. */
    JsonLocation find(JsonMappingException e) {
        List<String> names = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .takeWhile(n -> n != null).toList();
        for (int n = names.size(); n > 0; n--) {
            JsonLocation at = byPath.get(names.subList(0, n).stream().collect(Collectors.joining(".")));
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static String join(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }
}
