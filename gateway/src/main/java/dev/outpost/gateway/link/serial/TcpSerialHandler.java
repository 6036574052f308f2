package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.time.GatewayClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Instant;

/**
 * The only handler of a serial-over-TCP channel: stamps each read with the gateway clock as it arrives,
 * copies it out and hands it on; reports the end of the stream once. Not sharable (one per channel).
 */
final class TcpSerialHandler extends ChannelInboundHandlerAdapter {
    private final GatewayClock clock;
    private final SerialInbound inbound;
    private final String peer;
    private volatile boolean closedByUs;
    private String failure;
    private boolean ended;

    TcpSerialHandler(GatewayClock clock, SerialInbound inbound, String peer) {
        this.clock = clock;
        this.inbound = inbound;
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long nanos = clock.monotonicNanos();
        Instant at = clock.wallNow();
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (buf.isReadable() && !closedByUs) {
                inbound.received(new ReceivedChunk(ByteBufUtil.getBytes(buf), nanos, at));
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = "connection to device server " + peer + " failed: " + cause.getMessage();
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!ended && !closedByUs) {
            ended = true;
            inbound.ended(failure != null ? failure : "device server " + peer + " closed the connection");
        }
        ctx.fireChannelInactive();
    }

    /** Called before we close the channel ourselves: that close is not a disconnect to report. */
    void closingByUs() {
        closedByUs = true;
    }
}
