package dev.outpost.gateway.muster.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.outpost.gateway.time.IsoMillis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes muster reports, snapshots and acks as JSON: snake_case keys, instants as ISO-8601 UTC with
 * milliseconds (e.g. {@code 2026-11-29T10:15:00.123Z}). Thread-safe once built.
 */
public final class MusterReportWriter {

    private final ObjectMapper mapper;

    public MusterReportWriter() {
        SimpleModule instants = new SimpleModule("outpost-instants");
        instants.addSerializer(Instant.class, new InstantMillisSerializer());
        this.mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(instants)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Any of the muster records (report, snapshot, ack) as compact JSON. */
    public String toJson(Object musterRecord) {
        try {
            return mapper.writeValueAsString(musterRecord);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("muster record could not be written as JSON", e);
        }
    }

    /** The same JSON as {@link #toJson}, as a tree to embed in another document (no text round trip). */
    public ObjectNode toTree(Object musterRecord) {
        return mapper.valueToTree(musterRecord);
    }

    public String toPrettyJson(Object musterRecord) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(musterRecord);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("muster record could not be written as JSON", e);
        }
    }

    private static final class InstantMillisSerializer extends StdSerializer<Instant> {
        InstantMillisSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(IsoMillis.format(value));
        }
    }
}
