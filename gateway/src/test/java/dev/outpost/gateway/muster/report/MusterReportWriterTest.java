package dev.outpost.gateway.muster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MusterReportWriterTest {
    private final MusterReportWriter writer = new MusterReportWriter();

    @Test
    void reportIsSnakeCaseJsonWithVersionAndMillisecondTimestamps() throws Exception {
        JsonNode json = new ObjectMapper().readTree(writer.toJson(MusterReportBuilderTest.report()));
        assertEquals(1, json.get("api").asInt());
        assertEquals("m-1", json.get("muster_id").asText());
        assertEquals("2026-11-29T10:15:00.000Z", json.get("started_at").asText());
        JsonNode summary = json.get("summary");
        assertEquals(10, summary.get("targeted").asInt(), "totals are unwrapped into the summary");
        assertEquals(5.0 / 7, summary.get("response_rate").asDouble());
        assertEquals(30.0, summary.get("latency").get("p50_ms").asDouble());
        assertEquals(400.0, summary.get("time_to_50pct_ms").asDouble());
        assertTrue(summary.get("time_to_90pct_ms").isNull());
        assertEquals(1, summary.get("excluded").get("on_leave").asInt());
        JsonNode row = json.get("rows").get(0);
        assertEquals("A", row.get("class").asText());
        assertEquals("acked", row.get("outcome").asText());
        assertEquals(10.0, row.get("latency_ms").asDouble());
        assertEquals("2026-11-29T10:15:00.100Z", row.get("ack_at").asText());
        assertEquals("S1", json.get("breakdowns").get("by_street").get(0).get("key").asText());
        assertEquals(4, json.get("breakdowns").get("by_street").get(0).get("called").asInt());
        assertNoCamelCase(json);
    }

    @Test
    void instantsAreTruncatedToMilliseconds() {
        assertEquals("2026-11-29T10:15:00.123Z", dev.outpost.gateway.time.IsoMillis.format(Instant.parse("2026-11-29T10:15:00.123987Z")));
    }

    @Test
    void instantsMatchTheIsoFormatAcrossTheCalendar() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2028-02-29T23:59:59.999999Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00.5Z")));
        for (int i = 0; i < 2_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertEquals(iso.format(instant.truncatedTo(ChronoUnit.MILLIS)),
                    dev.outpost.gateway.time.IsoMillis.format(instant), instant::toString);
        }
    }

    private static void assertNoCamelCase(JsonNode node) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertFalse(name.chars().anyMatch(Character::isUpperCase), "key " + name);
                assertNoCamelCase(node.get(name));
            }
        } else if (node.isArray()) {
            node.forEach(MusterReportWriterTest::assertNoCamelCase);
        }
    }
}
