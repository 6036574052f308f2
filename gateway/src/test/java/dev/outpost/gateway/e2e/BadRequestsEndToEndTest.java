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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that must be refused precisely and change nothing, against the running gateway and a real Mosquitto.
 * After every test no muster may have started (except the one each transaction test starts on purpose) and the
 * gateway must still answer {@code health}.
 */
class BadRequestsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String GATEWAY_ID = E2eWorld.newGatewayId();
    private static final String REQUEST = "outpost/" + GATEWAY_ID + "/request/";
    private static final String RESPONSE = "outpost/" + GATEWAY_ID + "/response/";
    private static final int REQUEST_LIMIT_BYTES = 256 * 1024;

    @TempDir
    static Path dir;
    private static Mosquitto broker;
    private static E2eWorld world;
    private static MqttProbe platform;
    private static int transactions;

    private int mustersBefore;
    private int mustersStartedOnPurpose;

    @BeforeAll
    static void start() throws Exception {
        broker = Mosquitto.launch();
        platform = MqttProbe.connect(broker.url());
        // A stale command left retained on the broker before the gateway starts: it must never run.
        platform.publish(REQUEST + "muster/start",
                "{\"scope\":{\"type\":\"all\"},\"label\":\"stale-retained\",\"transaction\":\"stale\"}"
                        .getBytes(StandardCharsets.UTF_8), true);
        // Not the request topics: a failure message lists what arrived, and one request is 10 MB.
        platform.subscribe(RESPONSE + "#").subscribe("outpost/" + GATEWAY_ID + "/status")
                .subscribe("outpost/" + GATEWAY_ID + "/link/+/state");
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

    @BeforeEach
    void countMusters() throws Exception {
        mustersBefore = musters().size();
    }

    @AfterEach
    void nothingChangedAndTheGatewayStillAnswers() throws Exception {
        assertEquals(mustersBefore + mustersStartedOnPurpose, musters().size(), "musters started by bad requests");
        JsonNode health = reply("health", "{}");
        assertEquals("ok", health.path("status").asText(), health.toString());
        assertEquals("online", health.path("data").path("state").asText(), health.toString());
    }

    @Test
    void aRetainedRequestIsNeverActedOn() throws Exception {
        // Requests are handled one at a time in arrival order, so once the later list is answered the
        // retained start has been seen, and must have produced neither a reply nor a muster.
        assertTrue(musters().stream().noneMatch(m -> m.path("label").asText().equals("stale-retained")));
        assertTrue(platform.receivedOn(RESPONSE + "muster/start").stream().noneMatch(r -> r.text().contains("stale")));
        JsonNode requests = reply("health", "{}").path("data").path("requests");
        assertEquals(1, requests.path("ignored_retained").asLong(), "counted in health: " + requests);
        platform.publish(REQUEST + "muster/start", new byte[0], true); // clear the retained message
    }

    @Test
    void invalidJsonGetsAnInvalidJsonErrorThatSaysWhy() throws Exception {
        assertError(replyWithoutTransaction("muster/start", bytes("{\"scope\": oops")), "invalid_json",
                "not valid JSON", "'oops'");
        assertError(replyWithoutTransaction("muster/start", bytes("{\"label\":\"a\"} {}")), "invalid_json",
                "not valid JSON", "Trailing token");
        byte[] badUtf8 = {'{', '"', 'l', 'a', 'b', 'e', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertError(replyWithoutTransaction("muster/start", badUtf8), "invalid_json", "not valid JSON", "UTF-8");
        assertError(replyWithoutTransaction("muster/start", bytes("{\"retries\":1,\"retries\":100}")),
                "invalid_json", "Duplicate field 'retries'");
        assertError(replyWithoutTransaction("muster/start", bytes("[\"muster/start\"]")), "invalid_request",
                "must be a JSON object, not array");
        assertError(replyWithoutTransaction("muster/start", bytes("{\"transaction\":{\"id\":1}}")),
                "invalid_request", "transaction must be a string or an integer");
    }

    @Test
    void aTenMegabytePayloadIsRefusedBeforeItIsParsed() throws Exception {
        // Mosquitto's default (no message_size_limit) lets 10 MB through, so the gateway itself must refuse it,
        // without parsing: the body below would be a valid muster/start were it read.
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] start = bytes("{\"label\":\"huge\",\"transaction\":\"huge-1\",\"scope\":{\"type\":\"all\"}}");
        System.arraycopy(start, 0, huge, 0, start.length);
        JsonNode reply = replyWithoutTransaction("muster/start", huge);
        assertError(reply, "payload_too_large", "payload is " + huge.length + " bytes",
                "the limit is " + REQUEST_LIMIT_BYTES);
        assertTrue(reply.path("transaction").isNull(), "the payload was not read, so no transaction: " + reply);
    }

    @Test
    void anUnknownActionIsNamedInTheError() throws Exception {
        JsonNode reply = reply("muster/launch", "{\"scope\":{\"type\":\"all\"}}");
        assertError(reply, "unknown_action", "'muster/launch'", "muster/start");
    }

    @Test
    void aDuplicateTransactionIsAnsweredFromTheCacheAndStartsOneMuster() throws Exception {
        long duplicatesBefore = reply("health", "{}").path("data").path("requests").path("duplicates").asLong();
        String unit = world.units.get(0).unitId();
        String body = "{\"scope\":{\"type\":\"units\",\"units\":[\"" + unit + "\"]},\"label\":\"dup-txn\","
                + "\"transaction\":\"dup-1\"}";
        platform.publish(REQUEST + "muster/start", body);
        platform.publish(REQUEST + "muster/start", body); // a client retry, or a QoS 1 redelivery
        platform.await(r -> repliesTo("muster/start", "dup-1").size() == 2, LIMIT);
        mustersStartedOnPurpose = 1;

        List<JsonNode> replies = repliesTo("muster/start", "dup-1");
        assertEquals("ok", replies.get(0).path("status").asText(), replies.toString());
        assertEquals(replies.get(0).path("data"), replies.get(1).path("data"), "the cached reply, unchanged");
        String musterId = replies.get(0).path("data").path("muster_id").asText();
        assertEquals(List.of(musterId), musters().stream().filter(m -> m.path("label").asText().equals("dup-txn"))
                .map(m -> m.path("muster_id").asText()).toList(), "exactly one muster started");
        long duplicates = reply("health", "{}").path("data").path("requests").path("duplicates").asLong();
        assertEquals(duplicatesBefore + 1, duplicates, "the second request counted as a duplicate");
    }

    @Test
    void aTransactionReusedForADifferentBodyIsAConflictAndStartsNothing() throws Exception {
        long duplicatesBefore = reply("health", "{}").path("data").path("requests").path("duplicates").asLong();
        String first = "{\"scope\":{\"type\":\"units\",\"units\":[\"" + world.units.get(1).unitId() + "\"]},"
                + "\"label\":\"reused-txn\",\"transaction\":\"reuse-1\"}";
        String other = "{\"scope\":{\"type\":\"units\",\"units\":[\"" + world.units.get(2).unitId() + "\"]},"
                + "\"label\":\"reused-txn-other\",\"transaction\":\"reuse-1\"}";
        platform.publish(REQUEST + "muster/start", first);
        platform.publish(REQUEST + "muster/start", other); // a client bug: a new request under an old transaction
        platform.publish(REQUEST + "muster/start", first); // a genuine retry still gets the first reply
        platform.await(r -> repliesTo("muster/start", "reuse-1").size() == 3, LIMIT);
        mustersStartedOnPurpose = 1;

        // The conflict is answered at once, the start when its muster is under way: match by status, not order.
        List<JsonNode> replies = repliesTo("muster/start", "reuse-1");
        List<JsonNode> refused = replies.stream().filter(r -> r.path("status").asText().equals("error")).toList();
        List<JsonNode> started = replies.stream().filter(r -> r.path("status").asText().equals("ok")).toList();
        assertEquals(1, refused.size(), replies.toString());
        assertError(refused.get(0), "conflict", "'reuse-1'", "different muster/start request");
        assertEquals(2, started.size(), replies.toString());
        assertEquals(started.get(0).path("data"), started.get(1).path("data"), "the cached reply, unchanged");
        List<String> labels = musters().stream().map(m -> m.path("label").asText())
                .filter(label -> label.startsWith("reused-txn")).toList();
        assertEquals(List.of("reused-txn"), labels, "only the first body started a muster");
        long duplicates = reply("health", "{}").path("data").path("requests").path("duplicates").asLong();
        assertEquals(duplicatesBefore + 1, duplicates, "the identical retry is a duplicate, the conflict is not");
    }

    @Test
    void everyBadFieldOfAMusterStartIsReportedAndNothingStarts() throws Exception {
        JsonNode reply = reply("muster/start",
                "{\"scope\":{\"type\":\"galaxy\"},\"method\":\"shout\",\"retries\":-1,\"colour\":1}");
        assertError(reply, "validation_failed", "scope.type", "method", "retries", "colour");
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamed() throws Exception {
        JsonNode reply = reply("muster/start", "{\"scope\":\"all\",\"method\":7,\"attempt_timeout_ms\":\"3000\","
                + "\"retries\":1.5,\"deadline_ms\":true,\"late_window_ms\":{\"ms\":1},\"prefer\":\"poc\","
                + "\"label\":42,\"muster_id\":[\"m-1\"]}");
        assertError(reply, "validation_failed", "'scope'", "'method'", "'attempt_timeout_ms'", "'retries'",
                "'deadline_ms'", "'late_window_ms'", "'prefer'", "'label'", "'muster_id'");
    }

    @Test
    void numbersTooBigForALongAreRefusedNotWrapped() throws Exception {
        // 2^64 would wrap to 0 retries, and 2^64 + 1000 to a 1000 ms attempt timeout, were it read as a long.
        JsonNode reply = reply("muster/start", "{\"retries\":18446744073709551616,"
                + "\"attempt_timeout_ms\":18446744073709552616,\"scope\":{\"type\":\"units\",\"units\":[\"u\",7]}}");
        assertError(reply, "validation_failed", "'retries'", "'attempt_timeout_ms'", "'scope.units'");
    }

    @Test
    void aHugeBadValueIsNotEchoedBack() throws Exception {
        String longName = "x".repeat(40_000); // under the parser's 50,000-character name limit
        JsonNode reply = reply("muster/start", "{\"method\":\"" + longName + "\",\"" + longName + "\":1}");
        assertError(reply, "validation_failed", "'method'", "unknown field");
        assertTrue(reply.path("error").path("message").asText().length() < 1000, reply.toString());
    }

    private static void assertError(JsonNode reply, String code, String... named) {
        assertEquals("error", reply.path("status").asText(), reply.toString());
        assertEquals(code, reply.path("error").path("code").asText(), reply.toString());
        String message = reply.path("error").path("message").asText();
        for (String expected : named) {
            assertTrue(message.contains(expected), "the error names '" + expected + "': " + message);
        }
    }

    private static List<JsonNode> musters() throws Exception {
        JsonNode list = reply("muster/list", "{}");
        assertEquals("ok", list.path("status").asText(), list.toString());
        return toList(list.path("data").path("musters"));
    }

    /** Sends {@code body} with a fresh transaction added and waits for the reply that echoes it. */
    private static JsonNode reply(String action, String body) throws Exception {
        String transaction = "t-" + (++transactions);
        String withTransaction = body.equals("{}") ? "{\"transaction\":\"" + transaction + "\"}"
                : body.replaceFirst("^\\{", "{\"transaction\":\"" + transaction + "\",");
        platform.publish(REQUEST + action, withTransaction);
        platform.await(r -> !repliesTo(action, transaction).isEmpty(), LIMIT);
        return repliesTo(action, transaction).get(0);
    }

    private static List<JsonNode> repliesTo(String action, String transaction) {
        return platform.receivedOn(RESPONSE + action).stream().map(r -> parse(r.payload()))
                .filter(reply -> reply.path("transaction").asText().equals(transaction)).toList();
    }

    /** For a payload the gateway cannot read a transaction from: the first reply on the action's topic after it. */
    private static JsonNode replyWithoutTransaction(String action, byte[] payload) throws Exception {
        int before = platform.receivedOn(RESPONSE + action).size();
        platform.publish(REQUEST + action, payload, false);
        platform.await(r -> platform.receivedOn(RESPONSE + action).size() > before, LIMIT);
        return parse(platform.receivedOn(RESPONSE + action).get(before).payload());
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError("the gateway replied with something that is not JSON", e);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
