package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.time.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
}
