package dev.outpost.gateway.mqtt;

import static dev.outpost.gateway.mqtt.GatewayUnderTest.WAIT;
import static dev.outpost.gateway.mqtt.GatewayUnderTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Requests and replies through a real Mosquitto, on MQTT 5 and 3.1.1. */
class MqttBridgeRequestBrokerTest {
    private static final String BASE = "outpost/gw1";

    private final AtomicInteger echoCalls = new AtomicInteger();
    private Mosquitto broker;
    private GatewayUnderTest gateway;
    private MqttProbe client;

    @BeforeEach
    void startBroker() throws IOException {
        broker = Mosquitto.launch();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (client != null) {
            client.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        broker.close();
    }

    /** A gateway with an {@code echo} action that counts its calls and returns the body's {@code text}. */
    private void startGateway(MqttProtocolVersion version, MqttBridgeOptions options) throws Exception {
        gateway = new GatewayUnderTest(broker, version, options);
        gateway.bridge.route("echo", request -> {
            int call = echoCalls.incrementAndGet();
            var data = MqttJson.object().put("text", request.body().path("text").asText()).put("call", call);
            return CompletableFuture.completedFuture(Reply.ok(data));
        });
        gateway.start().awaitSession(1);
        awaitSubscribed();
    }

    private void startGateway(MqttProtocolVersion version) throws Exception {
        startGateway(version, GatewayUnderTest.options("gw1"));
    }

    /** The health action answers as soon as the request subscription is in place. */
    private void awaitSubscribed() throws Exception {
        if (client == null) {
            client = MqttProbe.connect(broker.url()).subscribe(BASE + "/response/#").subscribe("replies/#");
        }
        client.publish(BASE + "/request/health", "{}");
        client.awaitOn(BASE + "/response/health", WAIT);
    }

    private JsonNode awaitReply(String action) throws Exception {
        return json(client.awaitOn(BASE + "/response/" + action, WAIT));
    }

    private static JsonNode json(MqttProbe.Received message) throws IOException {
        return MqttJson.mapper().readTree(message.payload());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void replyGoesToTheResponseTopicWithCorrelationDataOnMqtt5AndToTheActionTopicOn311(MqttProtocolVersion version)
            throws Exception {
        startGateway(version);
        byte[] correlation = {1, 2, 3, (byte) 0xFF};

        client.request(BASE + "/request/echo", "{\"text\":\"hi\",\"transaction\":\"t-1\"}", "replies/me", correlation);

        MqttProbe.Received reply = version == MqttProtocolVersion.V5
                ? client.awaitOn("replies/me", WAIT)
                : client.awaitOn(BASE + "/response/echo", WAIT);
        if (version == MqttProtocolVersion.V5) {
            assertArrayEquals(correlation, reply.correlationData().orElseThrow());
        }
        JsonNode body = json(reply);
        assertEquals("ok", body.get("status").asText());
        assertEquals("hi", body.get("data").get("text").asText());
        assertTrue(body.get("error").isNull());
        assertEquals("t-1", body.get("transaction").asText());
        assertTrue(body.get("ts").asText().endsWith("Z"));
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void withoutResponseTopicTheReplyGoesToTheActionTopicEchoingTheTransaction(MqttProtocolVersion version)
            throws Exception {
        startGateway(version);

        client.publish(BASE + "/request/echo", "{\"text\":\"plain\",\"transaction\":42}");

        JsonNode body = awaitReply("echo");
        assertEquals("plain", body.get("data").get("text").asText());
        assertEquals("42", body.get("transaction").asText());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void retainedRequestIsIgnored(MqttProtocolVersion version) throws Exception {
        try (MqttProbe stale = MqttProbe.connect(broker.url())) {
            stale.publish(BASE + "/request/echo", "{\"text\":\"stale\",\"transaction\":\"old\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
        }
        startGateway(version);
        awaitTrue(() -> gateway.bridge.stats().ignoredRetained() == 1, "the retained request to be ignored");

        client.publish(BASE + "/request/echo", "{\"text\":\"live\",\"transaction\":\"new\"}");

        JsonNode body = awaitReply("echo");
        assertEquals("live", body.get("data").get("text").asText());
        assertEquals(1, echoCalls.get());
        assertEquals(1, client.receivedOn(BASE + "/response/echo").size());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void invalidJsonGetsAnErrorReply(MqttProtocolVersion version) throws Exception {
        startGateway(version);

        client.publish(BASE + "/request/echo", "{\"text\": oops");

        JsonNode body = awaitReply("echo");
        assertEquals("error", body.get("status").asText());
        assertEquals(ErrorCodes.INVALID_JSON, body.get("error").get("code").asText());
        assertTrue(body.get("data").isNull());
        assertEquals(0, echoCalls.get());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void unknownActionGetsAnErrorListingTheValidOnes(MqttProtocolVersion version) throws Exception {
        startGateway(version);

        client.publish(BASE + "/request/muster/launch", "{\"transaction\":\"x\"}");

        JsonNode body = awaitReply("muster/launch");
        assertEquals(ErrorCodes.UNKNOWN_ACTION, body.get("error").get("code").asText());
        assertTrue(body.get("error").get("message").asText().contains("echo, health"));
        assertEquals("x", body.get("transaction").asText());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void oversizeRequestGetsAnErrorAndIsNotActedOn(MqttProtocolVersion version) throws Exception {
        startGateway(version, GatewayUnderTest.options("gw1").withMaxRequestBytes(1024));

        client.publish(BASE + "/request/echo", "{\"text\":\"" + "x".repeat(2000) + "\"}");

        JsonNode body = awaitReply("echo");
        assertEquals(ErrorCodes.PAYLOAD_TOO_LARGE, body.get("error").get("code").asText());
        assertEquals(0, echoCalls.get());
    }

    @ParameterizedTest
    @EnumSource(MqttProtocolVersion.class)
    void repeatedTransactionGetsTheCachedReplyAndTheHandlerRunsOnce(MqttProtocolVersion version) throws Exception {
        startGateway(version);

        client.publish(BASE + "/request/echo", "{\"text\":\"once\",\"transaction\":\"dup\"}");
        client.publish(BASE + "/request/echo", "{\"text\":\"once\",\"transaction\":\"dup\"}");

        client.await(m -> client.receivedOn(BASE + "/response/echo").size() == 2, WAIT);
        for (MqttProbe.Received reply : client.receivedOn(BASE + "/response/echo")) {
            assertEquals(1, json(reply).get("data").get("call").asInt());
            assertEquals("dup", json(reply).get("transaction").asText());
        }
        assertEquals(1, echoCalls.get());
        assertEquals(1, gateway.bridge.stats().duplicateRequests());
    }
}
