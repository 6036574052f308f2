package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.time.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestRouterTest {
    private final RequestRouter router =
            new RequestRouter(new TransactionCache(new ManualClock(), Duration.ofMinutes(5), 100));

    private static Request request(String action, String transaction) {
        return new Request(action, MqttJson.object(), Optional.ofNullable(transaction));
    }

    private Reply dispatch(String action, String transaction) {
        return router.dispatch(request(action, transaction)).join();
    }

    @Test
    void unknownActionListsTheValidOnes() {
        router.route("muster/start", r -> CompletableFuture.completedFuture(Reply.ok(MqttJson.object())));
        router.route("health", r -> CompletableFuture.completedFuture(Reply.ok(MqttJson.object())));

        Reply reply = dispatch("muster/launch", "t");

        assertEquals(ErrorCodes.UNKNOWN_ACTION, reply.error().orElseThrow().code());
        assertTrue(reply.error().orElseThrow().message().endsWith("valid actions: health, muster/start"));
        assertEquals(Optional.of("t"), reply.transaction());
    }

    @Test
    void aThrowingHandlerBecomesAnInternalError() {
        router.route("boom", r -> {
            throw new IllegalStateException("bug");
        });
        Reply reply = dispatch("boom", "t");
        assertEquals(ErrorCodes.INTERNAL_ERROR, reply.error().orElseThrow().code());
        assertEquals(Optional.of("t"), reply.transaction());
    }

    @Test
    void aFailedStageOrNoReplyBecomesAnInternalError() {
        router.route("fails", r -> CompletableFuture.failedFuture(new RuntimeException("down")));
        router.route("null", r -> null);
        router.route("empty", r -> CompletableFuture.completedFuture(null));

        assertEquals(ErrorCodes.INTERNAL_ERROR, dispatch("fails", null).error().orElseThrow().code());
        assertEquals(ErrorCodes.INTERNAL_ERROR, dispatch("null", null).error().orElseThrow().code());
        assertEquals(ErrorCodes.INTERNAL_ERROR, dispatch("empty", null).error().orElseThrow().code());
    }

    @Test
    void theRequestsTransactionIsEchoedOnTheHandlersReply() {
        router.route("get", r -> CompletableFuture.completedFuture(Reply.ok(MqttJson.object().put("n", 1))));
        Reply reply = dispatch("get", "abc");
        assertTrue(reply.ok());
        assertEquals(Optional.of("abc"), reply.transaction());
    }

    @Test
    void aTransactionReusedForADifferentBodyIsAConflictAndTheHandlerDoesNotRunAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        router.route("muster/start", r -> CompletableFuture.completedFuture(
                Reply.ok(MqttJson.object().put("muster_id", "m-" + runs.incrementAndGet()))));

        Reply first = dispatchJson("muster/start", "{\"transaction\":\"a1\",\"label\":\"x\",\"retries\":1}");
        Reply other = dispatchJson("muster/start", "{\"transaction\":\"a1\",\"label\":\"y\",\"retries\":1}");
        Reply repeat = dispatchJson("muster/start", "{\"retries\":1, \"label\":\"x\", \"transaction\":\"a1\"}");

        assertEquals(ErrorCodes.CONFLICT, other.error().orElseThrow().code());
        assertTrue(other.error().orElseThrow().message().contains("'a1'"), other.toString());
        assertEquals(Optional.of("a1"), other.transaction());
        assertEquals(first, repeat, "an identical repeat (key order aside) gets the first reply");
        assertEquals(1, runs.get());
    }

    private Reply dispatchJson(String action, String json) throws Exception {
        ObjectNode body = (ObjectNode) MqttJson.mapper().readTree(json);
        return router.dispatch(new Request(action, body, Optional.of(body.get("transaction").asText()))).join();
    }
}
