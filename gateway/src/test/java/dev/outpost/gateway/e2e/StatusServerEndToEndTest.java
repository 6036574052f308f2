package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status server of a gateway started from config files, driven by the simulator over a real broker: after a
 * muster, {@code /metrics} has the ack latency histogram by street, class and bearer (and no per-unit label),
 * {@code /} shows the links, the streets and the last muster's charts, and {@code /readyz} follows the link.
 */
class StatusServerEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.launch();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void metricsPageAndReadinessFollowAMusterAndTheLink(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(21, 80);
        try (E2eWorld world = new E2eWorld(dir, broker.url(), "5", units, 9, MusterOverMqttEndToEndTest.behaviour());
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            platform.subscribe(world.base + "/#");
            world.awaitReady(platform, LIMIT);
            StatusClient http = new StatusClient(world.gateway.httpAddress().orElseThrow().getPort());
            assertEquals(200, http.get("/readyz").statusCode(), "ready with the link up and the journal open");
            assertEquals(200, http.get("/healthz").statusCode());

            String musterId = runMuster(world, platform);

            String metrics = http.get("/metrics").body();
            assertTrue(Pattern.compile("(?m)^outpost_ack_latency_seconds_bucket\\{bearer=\"poc\",class=\"[ABCD]\","
                    + "outcome=\"acked\",street=\"[^\"]+\",le=\"0\\.5\"} [1-9]").matcher(metrics).find(), metrics);
            assertTrue(metrics.contains("outpost_outbox_depth "), "outbox depth gauge");
            assertTrue(metrics.contains("outpost_outbox_oldest_age_seconds "), "outbox age gauge");
            assertTrue(metrics.contains("outpost_link_state{bearer=\"poc\",link=\"poc\",state=\"up\",type=\"hxt\"} 1"));
            assertTrue(metrics.contains("outpost_events_total{link=\"poc\",type=\"ack\"}"), "events by type");
            assertTrue(metrics.contains("outpost_muster_response_rate_ratio_count 1"), "one finished muster");
            assertTrue(metrics.contains("outpost_musters_running 0"));
            assertTrue(metrics.contains("outpost_mqtt_connected 1"));
            assertTrue(Pattern.compile("(?m)^outpost_mqtt_puback_seconds_count [1-9]").matcher(metrics).find());
            assertTrue(metrics.contains("jvm_memory_used_bytes{"), "JVM meters");
            assertFalse(metrics.contains(units.get(0).unitId() + "\""), "no unit id is ever a label value");
            everyDashboardMetricIsScraped(metrics);

            HttpResponse<String> page = http.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            String html = page.body();
            assertTrue(html.contains("id=\"link-poc\" data-state=\"up\""), "the link and its state");
            units.stream().map(Unit::street).distinct().forEach(street ->
                    assertTrue(html.contains("<td>" + street + "</td>"), "street " + street + " is listed"));
            assertTrue(html.contains("<svg class=\"histogram\""), "latency histogram of the last muster");
            assertTrue(html.contains("<svg class=\"streets\""), "response rate by street");
            assertTrue(html.contains(musterId), "the last muster is named");
            assertFalse(html.contains("<script"), "the page needs no script");

            assertEquals(404, http.get("/nope").statusCode());
            assertEquals(405, http.send(HttpRequest.newBuilder(http.uri("/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());

            world.simulator.close();
            HttpResponse<String> notReady = http.awaitStatus("/readyz", 503, LIMIT);
            JsonNode reasons = JSON.readTree(notReady.body());
            assertFalse(reasons.path("ready").asBoolean(true));
            assertTrue(reasons.path("not_ready").get(0).asText().startsWith("link poc is "), notReady.body());
            assertEquals("writable", reasons.path("journal").asText());
        }
    }

    /** The shipped Grafana dashboard only queries metrics the gateway really exports (names drift silently). */
    private static void everyDashboardMetricIsScraped(String metrics) throws java.io.IOException {
        String dashboard = java.nio.file.Files.readString(Path.of("../packaging/grafana/outpost.json"));
        java.util.regex.Matcher names = Pattern.compile("\\b(?:outpost|jvm|process)_[a-z_]+").matcher(dashboard);
        int checked = 0;
        while (names.find()) {
            if (names.group().startsWith("jvm_gc_pause")) {
                continue; // registered at the JVM's first garbage collection, which a short test may not see
            }
            assertTrue(Pattern.compile("(?m)^" + names.group() + "[{ ]").matcher(metrics).find(),
                    "the dashboard's " + names.group() + " is exported");
            checked++;
        }
        assertTrue(checked > 15, "the dashboard queries the gateway's metrics");
    }

    /** Starts a muster of every unit over MQTT and waits for its result; returns its id. */
    static String runMuster(E2eWorld world, MqttProbe platform) throws Exception {
        platform.publish(world.base + "/request/muster/start",
                "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"label\":\"status page\",\"transaction\":\"s-1\"}");
        MqttProbe.Received reply = platform.awaitOn(world.base + "/response/muster/start", LIMIT);
        String musterId = JSON.readTree(reply.payload()).path("data").path("muster_id").asText();
        assertFalse(musterId.isEmpty(), reply.text());
        platform.awaitOn(world.base + "/muster/" + musterId + "/result", LIMIT);
        return musterId;
    }

    /** Plain GETs against the gateway's status server on 127.0.0.1. */
    static final class StatusClient {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final int port;

        StatusClient(int port) {
            this.port = port;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        /** Polls a path until it answers with {@code status}; fails after {@code limit}. */
        HttpResponse<String> awaitStatus(String path, int status, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            HttpResponse<String> last = get(path);
            while (last.statusCode() != status && System.nanoTime() < deadline) {
                Thread.sleep(100);
                last = get(path);
            }
            assertEquals(status, last.statusCode(), path + " answered " + last.body());
            return last;
        }
    }
}
