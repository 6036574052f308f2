package dev.outpost.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls are placed in order, a few per turn of a real Netty loop, with the loop's other work let in between. */
class CallHandOffTest {

    @Test
    void callsArePlacedInOrderAFewPerTurnWithOtherLoopWorkBetweenTurns() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            EventLoop loop = group.next();
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch placed = new CountDownLatch(12);
            CallHandOff<Integer> handOff = new CallHandOff<>(loop, "poc", (call, result) -> {
                ran.add("call " + call);
                result.complete(new CallReceipt("ref-" + call, 0, Instant.EPOCH, List.of()));
                placed.countDown();
            });
            List<CompletableFuture<CallReceipt>> results = new ArrayList<>();
            // A burst of 12 calls, and a task queued right after it (as a read would be due).
            loop.execute(() -> {
                for (int i = 0; i < 12; i++) {
                    results.add(handOff.submit(i));
                }
                loop.execute(() -> ran.add("other work"));
            });

            assertTrue(placed.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("call 0", "call 1", "call 2", "call 3", "other work", "call 4", "call 5", "call 6",
                    "call 7", "call 8", "call 9", "call 10", "call 11"), ran);
            for (int i = 0; i < 12; i++) {
                assertEquals("ref-" + i, results.get(i).get(5, TimeUnit.SECONDS).callRef());
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aPlacerThatThrowsFailsOnlyItsOwnCall() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            CallHandOff<Integer> handOff = new CallHandOff<>(group.next(), "poc", (call, result) -> {
                if (call == 1) {
                    throw new IllegalArgumentException("no route to unit 1");
                }
                result.complete(new CallReceipt("ref-" + call, 0, Instant.EPOCH, List.of()));
            });
            CompletableFuture<CallReceipt> bad = handOff.submit(1);
            CompletableFuture<CallReceipt> good = handOff.submit(2);

            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> bad.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("ref-2", good.get(5, TimeUnit.SECONDS).callRef());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aShutDownLoopFailsTheCallAtOnce() throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        EventLoop loop = group.next();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        CallHandOff<Integer> handOff = new CallHandOff<>(loop, "poc", (call, result) -> result.complete(null));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> handOff.submit(1).get(5, TimeUnit.SECONDS));
        assertInstanceOf(LinkUnavailableException.class, e.getCause());
    }
}
