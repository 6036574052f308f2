package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.time.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionCacheTest {
    private final ManualClock clock = new ManualClock();
    private final TransactionCache cache = new TransactionCache(clock, Duration.ofMinutes(5), 3);
    private final AtomicInteger runs = new AtomicInteger();

    private CompletableFuture<Reply> work() {
        runs.incrementAndGet();
        return CompletableFuture.completedFuture(Reply.ok(MqttJson.object().put("run", runs.get())));
    }

    @Test
    void aRepeatWithinTheTtlGetsTheSameReplyWithoutRunningAgain() {
        CompletableFuture<Reply> first = cache.replyFor("muster/start", "t1", "body-a", this::work);
        clock.advance(Duration.ofMinutes(4));

        assertSame(first, cache.replyFor("muster/start", "t1", "body-a", this::work));
        assertEquals(1, runs.get());
        assertEquals(1, cache.hits());
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningWaitsForTheSameReply() {
        CompletableFuture<Reply> pending = new CompletableFuture<>();
        cache.replyFor("muster/start", "t1", "body-a", () -> pending);

        CompletableFuture<Reply> duplicate = cache.replyFor("muster/start", "t1", "body-a", this::work);

        assertSame(pending, duplicate);
        assertEquals(0, runs.get());
    }

    @Test
    void afterTheTtlTheTransactionActsAgain() {
        cache.replyFor("muster/start", "t1", "body-a", this::work);
        clock.advance(Duration.ofMinutes(5));

        cache.replyFor("muster/start", "t1", "body-a", this::work);

        assertEquals(2, runs.get());
    }

    @Test
    void theSameTransactionOnAnotherActionIsADifferentRequest() {
        cache.replyFor("muster/start", "t1", "body-a", this::work);
        cache.replyFor("muster/get", "t1", "body-a", this::work);
        assertEquals(2, runs.get());
    }

    @Test
    void sizeIsBoundedByDroppingTheOldest() {
        for (int i = 0; i < 5; i++) {
            cache.replyFor("a", "t" + i, "body-" + i, this::work);
        }
        assertEquals(3, cache.size());
        cache.replyFor("a", "t0", "body-0", this::work);
        assertEquals(6, runs.get(), "t0 was evicted, so it runs again");
    }

    @Test
    void theSameTransactionWithADifferentBodyIsAConflictAndRunsNothing() {
        CompletableFuture<Reply> first = cache.replyFor("muster/start", "t1", "body-a", this::work);

        Reply conflict = cache.replyFor("muster/start", "t1", "body-b", this::work).join();

        assertEquals(1, runs.get(), "the second body did not run");
        assertFalse(conflict.ok());
        assertEquals(ErrorCodes.CONFLICT, conflict.error().orElseThrow().code());
        String message = conflict.error().orElseThrow().message();
        assertTrue(message.contains("'t1'") && message.contains("muster/start"), message);
        assertEquals(Optional.of("t1"), conflict.transaction());
        assertEquals(1, cache.conflicts());
        assertEquals(0, cache.hits(), "a conflict is not a duplicate");
        assertSame(first, cache.replyFor("muster/start", "t1", "body-a", this::work),
                "the first request is still remembered: an identical repeat gets its reply");
        assertEquals(1, cache.hits());
    }

    @Test
    void aDifferentBodyIsAConflictEvenWhileTheFirstIsStillRunning() {
        CompletableFuture<Reply> pending = new CompletableFuture<>();
        cache.replyFor("muster/start", "t1", "body-a", () -> pending);

        Reply conflict = cache.replyFor("muster/start", "t1", "body-b", this::work).getNow(null);

        assertEquals(ErrorCodes.CONFLICT, conflict.error().orElseThrow().code(), "answered at once, not after the first");
        assertEquals(0, runs.get());
    }

    @Test
    void aConflictQuotesAHugeTransactionShortButEchoesItWhole() {
        String huge = "x".repeat(10_000);
        cache.replyFor("muster/start", huge, "body-a", this::work);

        Reply conflict = cache.replyFor("muster/start", huge, "body-b", this::work).join();

        assertTrue(conflict.error().orElseThrow().message().length() < 300, conflict.error().orElseThrow().message());
        assertEquals(Optional.of(huge), conflict.transaction());
    }

    @Test
    void afterTheTtlATransactionMayCarryANewBody() {
        cache.replyFor("muster/start", "t1", "body-a", this::work);
        clock.advance(Duration.ofMinutes(5));

        Reply reply = cache.replyFor("muster/start", "t1", "body-b", this::work).join();

        assertTrue(reply.ok(), reply.toString());
        assertEquals(2, runs.get());
        assertEquals(0, cache.conflicts());
    }
}
