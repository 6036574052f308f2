package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.outpost.gateway.time.ManualClock;
import java.time.Duration;
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
        CompletableFuture<Reply> first = cache.replyFor("muster/start", "t1", this::work);
        clock.advance(Duration.ofMinutes(4));

        assertSame(first, cache.replyFor("muster/start", "t1", this::work));
        assertEquals(1, runs.get());
        assertEquals(1, cache.hits());
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningWaitsForTheSameReply() {
        CompletableFuture<Reply> pending = new CompletableFuture<>();
        cache.replyFor("muster/start", "t1", () -> pending);

        CompletableFuture<Reply> duplicate = cache.replyFor("muster/start", "t1", this::work);

        assertSame(pending, duplicate);
        assertEquals(0, runs.get());
    }

    @Test
    void afterTheTtlTheTransactionActsAgain() {
        cache.replyFor("muster/start", "t1", this::work);
        clock.advance(Duration.ofMinutes(5));

        cache.replyFor("muster/start", "t1", this::work);

        assertEquals(2, runs.get());
    }

    @Test
    void theSameTransactionOnAnotherActionIsADifferentRequest() {
        cache.replyFor("muster/start", "t1", this::work);
        cache.replyFor("muster/get", "t1", this::work);
        assertEquals(2, runs.get());
    }

    @Test
    void sizeIsBoundedByDroppingTheOldest() {
        for (int i = 0; i < 5; i++) {
            cache.replyFor("a", "t" + i, this::work);
        }
        assertEquals(3, cache.size());
        cache.replyFor("a", "t0", this::work);
        assertEquals(6, runs.get(), "t0 was evicted, so it runs again");
    }
}
