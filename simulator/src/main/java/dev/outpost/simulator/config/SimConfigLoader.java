package dev.outpost.simulator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.outpost.config.Problem;
import dev.outpost.config.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Loads a simulator config from YAML, strictly: unknown keys, duplicate keys, wrong types and bad
 * values are refused with the file, line and column that Jackson reports.
 */
public final class SimConfigLoader {
    private static final ObjectMapper YAML = JsonMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("sim-durations").addDeserializer(Duration.class, new DurationText.Deserializer()))
            .build();

    private SimConfigLoader() {
    }

    public static SimConfig load(Path file) throws SimConfigException {
        return load(file, System::getenv);
    }

    /** @param env environment lookup for {@code token_env} (injectable for tests) */
    public static SimConfig load(Path file, UnaryOperator<String> env) throws SimConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw problem(file, "cannot read config: " + e.getMessage(), null);
        }
        SimConfigFile parsed;
        try {
            parsed = YAML.readValue(text, SimConfigFile.class);
        } catch (JsonProcessingException e) {
            throw new SimConfigException(List.of(describe(file, text, e)));
        }
        if (parsed == null) {
            throw problem(file, "config file is empty", "see examples/sim.yaml");
        }
        return SimConfigResolver.resolve(file, parsed, env);
    }

    static SimConfigException problem(Path file, String message, String hint) {
        return new SimConfigException(List.of(Problem.error(file, 0, 0, message, hint)));
    }

    private static Problem describe(Path file, String text, JsonProcessingException e) {
        JsonLocation at = e instanceof JsonMappingException m ? KeyLocations.of(text).find(m) : null;
        at = at != null ? at : e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return Problem.error(file, line, column, "unknown key '" + u.getPropertyName() + "'"
                            + Suggestions.didYouMean(u.getPropertyName(), known),
                    known.isEmpty() ? null : "allowed here: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return Problem.error(file, line, column, e.getCause().getMessage(), null);
        }
        String where = e instanceof JsonMappingException m ? path(m) : "";
        return Problem.error(file, line, column, (where.isEmpty() ? "" : where + ": ") + e.getOriginalMessage(), null);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static String readTokenFile(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
