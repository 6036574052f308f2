package dev.outpost.gateway.link.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.protocol.hxt.HxtSessionOutput;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A receipt carries the instant the call's bytes reached the socket, not when we started encoding them. */
class HxtCallBookTest {
    private static final HxtCommand.RollCall CALL =
            new HxtCommand.RollCall(7, "m1-poc-a1-b1", List.of("u1"), null, HxtExpect.AUTO, 1000);

    @Test
    void theWriteInstantReplacesThePreWriteInstant() throws Exception {
        HxtCallBook book = new HxtCallBook("poc");
        CompletableFuture<CallReceipt> result = new CompletableFuture<>();
        book.sent(7, "m1-poc-a1-b1", 1_000, Instant.ofEpochSecond(1), result);
        book.written(7, 1_250, Instant.ofEpochSecond(2));
        book.replied(new HxtSessionOutput.Replied(CALL, new HxtReply.RollCallOk(7, List.of())));

        CallReceipt receipt = result.getNow(null);
        assertEquals(1_250, receipt.sentNanos());
        assertEquals(Instant.ofEpochSecond(2), receipt.sentAt());
    }

    @Test
    void aWriteReportedAfterTheReplyChangesNothing() {
        HxtCallBook book = new HxtCallBook("poc");
        CompletableFuture<CallReceipt> result = new CompletableFuture<>();
        book.sent(7, "m1-poc-a1-b1", 1_000, Instant.ofEpochSecond(1), result);
        book.replied(new HxtSessionOutput.Replied(CALL, new HxtReply.RollCallOk(7, List.of())));
        book.written(7, 9_999, Instant.ofEpochSecond(9));

        assertEquals(1_000, result.getNow(null).sentNanos());
    }
}
