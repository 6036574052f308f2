package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests that must be refused precisely and change nothing, against the running gateway. */
class BadRequestsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String GATEWAY_ID = E2eWorld.newGatewayId();
    private static final String REQUEST = "outpost/" + GATEWAY_ID + "/request/";
    private static final String RESPONSE = "outpost/" + GATEWAY_ID + "/response/";

    @TempDir
    static Path dir;
    private static Mosquitto broker;
    private static E2eWorld world;
    private static MqttProbe platform;

    @BeforeAll
    static void start() throws Exception {
        broker = Mosquitto.launch();
        platform = MqttProbe.connect(broker.url());
        // A stale command left retained on the broker before the gateway starts: it must never run.
        platform.publish(REQUEST + "muster/start",
                "{\"scope\":{\"type\":\"all\"},\"transaction\":\"stale\"}".getBytes(StandardCharsets.UTF_8), true);
        platform.subscribe("outpost/" + GATEWAY_ID + "/#");
        world = new E2eWorld(GATEWAY_ID, dir, broker.url(), "5", TianheRegistryGenerator.scale(1, 20), 1,
                BehaviourOptions.allPrompt(Duration.ofMillis(20), Duration.ofMillis(20)), 1000);
        world.awaitReady(platform, LIMIT);
    }

    @AfterAll
    static void stop() {
        platform.close();
        world.close();
        broker.close();
    }

    @Test
    void aRetainedRequestIsNeverActedOn() throws Exception {
        // Requests are handled one at a time in arrival order, so once the later list is answered the
        // retained start has been seen, and must have produced neither a reply nor a muster.
        JsonNode list = reply("muster/list", "{\"transaction\":\"after-stale\"}");
        assertEquals("ok", list.path("status").asText());
        assertEquals(0, list.path("data").path("musters").size(), "no muster was started: " + list);
        assertTrue(platform.receivedOn(RESPONSE + "muster/start").stream().noneMatch(r -> r.text().contains("stale")));
        platform.publish(REQUEST + "muster/start", new byte[0], true); // clear the retained message
    }

    @Test
    void invalidJsonGetsAnInvalidJsonError() throws Exception {
        JsonNode reply = replyWithoutTransaction("muster/start", "{\"scope\": oops");
        assertEquals("error", reply.path("status").asText());
        assertEquals("invalid_json", reply.path("error").path("code").asText());
    }

    @Test
    void anUnknownActionIsNamedInTheError() throws Exception {
        JsonNode reply = reply("muster/launch", "{\"transaction\":\"unknown-1\"}");
        assertEquals("unknown_action", reply.path("error").path("code").asText());
        assertTrue(reply.path("error").path("message").asText().contains("muster/start"), reply.toString());
    }

    @Test
    void everyBadFieldOfAMusterStartIsReportedAndNothingStarts() throws Exception {
        int before = reply("muster/list", "{\"transaction\":\"before-bad\"}").path("data").path("musters").size();
        JsonNode reply = reply("muster/start",
                "{\"scope\":{\"type\":\"galaxy\"},\"method\":\"shout\",\"retries\":-1,\"colour\":1,\"transaction\":\"bad-1\"}");
        assertEquals("validation_failed", reply.path("error").path("code").asText());
        String message = reply.path("error").path("message").asText();
        for (String expected : new String[] {"scope.type", "method", "retries", "colour"}) {
            assertTrue(message.contains(expected), "the error names '" + expected + "': " + message);
        }
        JsonNode list = reply("muster/list", "{\"transaction\":\"after-bad\"}");
        assertEquals(before, list.path("data").path("musters").size(), list.toString());
    }

    @Test
    void anUnknownMusterIsNotFound() throws Exception {
        JsonNode reply = reply("muster/get", "{\"muster_id\":\"m-none\",\"transaction\":\"get-1\"}");
        assertEquals("not_found", reply.path("error").path("code").asText());
    }

    private static JsonNode reply(String action, String body) throws Exception {
        String transaction = JSON.readTree(body).path("transaction").asText();
        platform.publish(REQUEST + action, body);
        return JSON.readTree(platform.await(r -> r.topic().equals(RESPONSE + action)
                && r.text().contains("\"transaction\":\"" + transaction + "\""), LIMIT).payload());
    }

    /** For a body that is not JSON (so carries no transaction): the first reply on the action's topic after sending. */
    private static JsonNode replyWithoutTransaction(String action, String body) throws Exception {
        int before = platform.receivedOn(RESPONSE + action).size();
        platform.publish(REQUEST + action, body);
        platform.await(r -> platform.receivedOn(RESPONSE + action).size() > before, LIMIT);
        var replies = platform.receivedOn(RESPONSE + action);
        return JSON.readTree(replies.get(replies.size() - 1).payload());
    }
}
