package dev.outpost.gateway.link.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.time.ManualClock;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UdpEndpointTest {
    private static final InetSocketAddress STATION = new InetSocketAddress("127.0.0.1", 62031);
    private static final InetSocketAddress MASTER = new InetSocketAddress("127.0.0.1", 62030);

    @Test
    void everyDatagramOfOneReadIsStampedBeforeAnyIsDecoded() {
        ManualClock clock = new ManualClock();
        List<Long> stamps = new ArrayList<>();
        List<String> order = new ArrayList<>();
        // No timers in these tests, so no event loop for them.
        UdpEndpoint endpoint = new UdpEndpoint(null, clock, new AtomicLong(), (from, bytes, at) -> {
            stamps.add(at.nanos());
            order.add(new String(bytes, US_ASCII));
            clock.advance(Duration.ofMillis(5)); // decoding one datagram takes a while
        });
        EmbeddedChannel channel = new EmbeddedChannel(endpoint);

        long readAt = clock.monotonicNanos();
        // One read of three datagrams (a burst of acks from three slots), then the read completes.
        channel.writeInbound(datagram("a"), datagram("b"), datagram("c"));

        assertEquals(List.of("a", "b", "c"), order, "handed on in the order read");
        assertEquals(List.of(readAt, readAt, readAt), stamps,
                "each keeps the instant it was read, not the instant the ones before it were decoded");
        channel.finishAndReleaseAll();
    }

    @Test
    void nothingIsHandedOnTwiceAcrossReads() {
        ManualClock clock = new ManualClock();
        List<Long> stamps = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new UdpEndpoint(null, clock, new AtomicLong(),
                (from, bytes, at) -> stamps.add(at.nanos())));

        long first = clock.monotonicNanos();
        channel.writeInbound(datagram("a"));
        clock.advance(Duration.ofMillis(60));
        channel.writeInbound(datagram("b"));

        assertEquals(List.of(first, first + 60_000_000L), stamps);
        channel.finishAndReleaseAll();
    }

    @Test
    void aReceiverThatThrowsDoesNotGetTheSameDatagramsAgainOnTheNextRead() {
        List<String> handed = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new UdpEndpoint(null, new ManualClock(), new AtomicLong(),
                (from, bytes, at) -> {
                    String text = new String(bytes, US_ASCII);
                    handed.add(text);
                    if (text.equals("bad")) {
                        throw new IllegalStateException("a receiver bug");
                    }
                }));

        try {
            channel.writeInbound(datagram("bad"));
        } catch (IllegalStateException expected) {
            // EmbeddedChannel rethrows what the pipeline caught; the endpoint itself carries on
        }
        channel.writeInbound(datagram("next"));

        assertEquals(List.of("bad", "next"), handed);
        channel.finishAndReleaseAll();
    }

    private static DatagramPacket datagram(String text) {
        return new DatagramPacket(Unpooled.copiedBuffer(text, US_ASCII), MASTER,
                STATION);
    }
}
