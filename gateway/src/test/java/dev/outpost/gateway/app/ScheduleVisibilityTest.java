package dev.outpost.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.ConfigLoader;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.http.GatewayStatus;
import dev.outpost.gateway.http.HttpReply;
import dev.outpost.gateway.http.StatusEndpoints;
import dev.outpost.gateway.http.StatusSource;
import dev.outpost.gateway.http.page.StatusPage;
import dev.outpost.gateway.schedule.MusterSchedules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routine schedules are visible: in the retained info, on the status page and at {@code /schedules}. */
class ScheduleVisibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NEXT = Instant.parse("2026-11-29T10:12:34.500Z");

    private static List<MusterSchedules.ScheduleView> views(Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"),
                "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n");
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "gateway: { id: gw-7 }",
                "mqtt: { url: tcp://127.0.0.1:1883 }",
                "units: { file: units.csv }",
                "schedules:",
                "  - id: night",
                "    label: night check",
                "    cron: '0 3 * * *'",
                "    zone: Asia/Shanghai",
                "    jitter: 20m",
                "    scope: { type: street, street: Shipai }",
                "    method: poll",
                ""));
        OutpostConfig cfg = ConfigLoader.load(config).orElseThrow();
        return List.of(new MusterSchedules.ScheduleView(cfg.schedules().get(0), NEXT, "M-7", null));
    }

    private static void assertDescribes(JsonNode schedule) {
        assertEquals("night", schedule.path("id").asText());
        assertEquals("night check", schedule.path("label").asText());
        assertEquals("0 3 * * *", schedule.path("cron").asText());
        assertEquals("Asia/Shanghai", schedule.path("zone").asText());
        assertEquals(1_200_000, schedule.path("jitter_ms").asLong());
        assertEquals("street:Shipai", schedule.path("scope").asText());
        assertEquals("poll", schedule.path("method").asText());
        assertEquals("2026-11-29T10:12:34.500Z", schedule.path("next_at").asText());
        assertEquals("M-7", schedule.path("last_muster_id").asText());
    }

    @Test
    void infoListsEachScheduleWithItsNextStart(@TempDir Path dir) throws Exception {
        List<MusterSchedules.ScheduleView> views = views(dir);
        OutpostConfig cfg = ConfigLoader.load(dir.resolve("gateway.yaml")).orElseThrow();

        JsonNode info = JSON.readTree(Wiring.info(cfg, UnitRegistry.empty(), List.of(), "1.0", views).toString());

        assertEquals(1, info.path("schedules").size());
        assertDescribes(info.path("schedules").get(0));
    }

    @Test
    void theStatusPageAndTheJsonEndpointShowTheSchedules(@TempDir Path dir) throws Exception {
        GatewayStatus status = new GatewayStatus("gw-7", "1.0", NEXT, true, new GatewayStatus.JournalState(true, ""),
                List.of(), List.of(), List.of(), Optional.empty(), views(dir));

        String html = StatusPage.render(status, Duration.ZERO);
        assertTrue(html.contains("<tr class=\"schedule\" id=\"schedule-night\"><td>night check (night)</td>"
                + "<td>0 3 * * * Asia/Shanghai</td><td>up to 1200 s</td><td>street:Shipai</td><td>poll</td>"
                + "<td>2026-11-29T10:12:34.500Z</td><td>M-7</td></tr>"), html);

        StatusSource source = new StatusSource() {
            @Override
            public CompletableFuture<Void> ping() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<GatewayStatus> status() {
                return CompletableFuture.completedFuture(status);
            }
        };
        HttpReply reply = StatusEndpoints.of(source, () -> "", Duration.ZERO).get("/schedules").get().get();
        assertEquals(200, reply.status());
        assertEquals(HttpReply.JSON, reply.contentType());
        assertDescribes(JSON.readTree(reply.bodyText()).path("schedules").get(0));
    }
}
