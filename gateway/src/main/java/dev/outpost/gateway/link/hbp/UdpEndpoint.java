package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.time.GatewayClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of an HBP link, on one event loop: stamps each datagram as it is read (before any decoding), hands
 * it on, writes datagrams, stamps calls when their write completes, and keeps the link's one protocol timer.
 * Sharable across the channels a link opens one after another; only the current channel's datagrams count.
 *
 * <p>Datagrams are handed on only once the read is complete. Netty reads a burst of datagrams (up to
 * {@code maxMessagesPerRead}) and then fires them one by one; were each decoded as it is fired, the stamp of the
 * last would wait for the decoding of all before it. Base stations on one TDMA grid answer in bursts (many slots'
 * acks at the same 30 ms boundary), so that wait was the tail of a DMR muster's latency error: each datagram
 * now gets its stamp when fired, and decoding starts after the last is stamped.
 */
@ChannelHandler.Sharable
final class UdpEndpoint extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(UdpEndpoint.class);

    /** Receives each datagram of the current channel, with its receive stamp. */
    interface Receiver {
        void datagram(InetSocketAddress from, byte[] bytes, Stamp at);
    }

    private final EventLoop loop;
    private final GatewayClock clock;
    private final AtomicLong framesOut;
    private final Receiver receiver;
    private volatile Channel channel;
    private ScheduledFuture<?> timer;
    /** Datagrams of the current read, stamped, not yet handed on (event loop only). */
    private final List<Received> stamped = new ArrayList<>();

    private record Received(InetSocketAddress from, byte[] bytes, Stamp at) {
    }

    UdpEndpoint(EventLoop loop, GatewayClock clock, AtomicLong framesOut, Receiver receiver) {
        this.loop = loop;
        this.clock = clock;
        this.framesOut = framesOut;
        this.receiver = receiver;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Stamp at = Stamp.now(clock); // first: latency must not include our own decoding
        if (ctx.channel() != channel) {
            return;
        }
        ByteBuf content = packet.content();
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        stamped.add(new Received(packet.sender(), bytes, at));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        try {
            if (ctx.channel() == channel) {
                // Indexed: a receiver may close the channel, which must not disturb this loop.
                for (int i = 0; i < stamped.size(); i++) {
                    Received r = stamped.get(i);
                    receiver.datagram(r.from(), r.bytes(), r.at());
                }
            }
        } finally {
            stamped.clear(); // even when a receiver threw: the next read must not hand these on again
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // UDP: ICMP errors (port unreachable) and the like; the protocol's own timers deal with a silent far end.
        log.debug("hbp udp {}: {}", ctx.channel().localAddress(), cause.toString());
    }

    /** The socket's local address while open (any thread). */
    InetSocketAddress localAddress() {
        Channel ch = channel;
        return ch == null ? null : (InetSocketAddress) ch.localAddress();
    }

    boolean isOpen() {
        return channel != null && channel.isActive();
    }

    void close() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    void send(List<HbpMasterCore.Outbound> datagrams) {
        for (HbpMasterCore.Outbound o : datagrams) {
            write(o);
        }
    }

    /**
     * Sends a call's datagrams and completes {@code result} with the instant the first write completed (the call
     * left the gateway), or at once when there was nothing to send (every address refused).
     */
    void sendStamped(List<HbpMasterCore.Outbound> datagrams, String callRef, List<String> refused, String linkId,
            CompletableFuture<CallReceipt> result) {
        if (datagrams.isEmpty()) {
            result.complete(new CallReceipt(callRef, clock.monotonicNanos(), clock.wallNow(), refused));
            return;
        }
        AtomicBoolean stamped = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        for (HbpMasterCore.Outbound o : datagrams) {
            ChannelFuture write = write(o);
            if (write == null) {
                result.completeExceptionally(new LinkUnavailableException(linkId, "socket closed"));
                return;
            }
            write.addListener(done -> {
                if (done.isSuccess() && stamped.compareAndSet(false, true)) {
                    result.complete(new CallReceipt(callRef, clock.monotonicNanos(), clock.wallNow(), refused));
                } else if (!done.isSuccess() && failures.incrementAndGet() == datagrams.size()) {
                    result.completeExceptionally(new LinkUnavailableException(linkId, "send failed: "
                            + done.cause()));
                }
            });
        }
    }

    /** Runs {@code task} at {@code due} (gateway monotonic time), replacing the pending one; none when empty. */
    void schedule(OptionalLong due, Runnable task) {
        cancelTimer();
        if (due.isPresent()) {
            long delay = Math.max(0, due.getAsLong() - clock.monotonicNanos());
            timer = loop.schedule(() -> {
                timer = null;
                task.run();
            }, delay, TimeUnit.NANOSECONDS);
        }
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private ChannelFuture write(HbpMasterCore.Outbound o) {
        if (channel == null) {
            return null;
        }
        framesOut.incrementAndGet();
        return channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(o.datagram()), o.to()));
    }
}
