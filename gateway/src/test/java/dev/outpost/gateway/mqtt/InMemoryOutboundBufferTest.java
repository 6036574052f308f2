package dev.outpost.gateway.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.mqtt.client.OutboundMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryOutboundBufferTest {
    private final InMemoryOutboundBuffer buffer = new InMemoryOutboundBuffer(3);

    private static PendingPublish pending(long seq, int qos) {
        return new PendingPublish(seq, OutboundMessage.of("t/" + seq, new byte[0], qos, false),
                new CompletableFuture<>());
    }

    @Test
    void whenFullTheOldestQos0MessageGoesFirst() {
        buffer.offer(pending(1, 1));
        buffer.offer(pending(2, 0));
        buffer.offer(pending(3, 0));

        List<PendingPublish> dropped = buffer.offer(pending(4, 1));

        assertEquals(List.of(2L), dropped.stream().map(PendingPublish::sequence).toList());
        assertEquals(3, buffer.size());
    }

    @Test
    void whenFullABulkEventGoesBeforeAnyOtherMessage() {
        buffer.offer(pending(1, 0));
        buffer.offer(new PendingPublish(2, OutboundMessage.of("unit/U1/event", new byte[0], 1, false),
                Delivery.bulkEvent(), 0, new CompletableFuture<>()));
        buffer.offer(pending(3, 1));

        List<PendingPublish> dropped = buffer.offer(pending(4, 1));

        assertEquals(List.of(2L), dropped.stream().map(PendingPublish::sequence).toList(),
                "the presence event goes, not the older QoS 0 message");
    }

    @Test
    void whenFullOfQos1TheOldestGoes() {
        buffer.offer(pending(1, 1));
        buffer.offer(pending(2, 1));
        buffer.offer(pending(3, 1));

        assertEquals(1L, buffer.offer(pending(4, 1)).get(0).sequence());
    }

    @Test
    void aMessagePutBackKeepsItsPlaceInTheOrder() {
        buffer.offer(pending(1, 1));
        buffer.offer(pending(2, 1));
        PendingPublish first = buffer.poll().orElseThrow();
        buffer.offer(pending(3, 1));

        buffer.putBack(first);

        assertEquals(1L, buffer.poll().orElseThrow().sequence());
        assertEquals(2L, buffer.poll().orElseThrow().sequence());
        assertEquals(3L, buffer.poll().orElseThrow().sequence());
        assertTrue(buffer.poll().isEmpty());
    }
}
