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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes muster reports, snapshots and acks as JSON: snake_case keys, instants as ISO-8601 UTC with
 * milliseconds (e.g. {@code 2026-11-29T10:15:00.123Z}). Thread-safe once built.
 */
public final class MusterReportWriter {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

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

    public static String isoMillis(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        // Written by hand: this runs for every ack, and DateTimeFormatter's millisecond field allocates a BigDecimal
        // and several strings each time (seen in allocation profiles of the ack path).
        char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 3, instant.getNano() / 1_000_000);
        return new String(out);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class InstantMillisSerializer extends StdSerializer<Instant> {
        InstantMillisSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(isoMillis(value));
        }
    }
}
