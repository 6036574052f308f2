package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.time.GatewayClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Instant;

/**
 * First in the pipeline (before TLS and WebSocket decoding): stamps every read with the gateway clock,
 * so that latency excludes our own decoding time. Frames decoded from that read carry its stamp.
 * One instance per channel (stateful, not sharable).
 */
final class ReceiveStampHandler extends ChannelInboundHandlerAdapter {
    private final GatewayClock clock;
    private long lastNanos;
    private Instant lastWall;

    ReceiveStampHandler(GatewayClock clock) {
        this.clock = clock;
        this.lastNanos = clock.monotonicNanos();
        this.lastWall = clock.wallNow();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastNanos = clock.monotonicNanos();
        lastWall = clock.wallNow();
        ctx.fireChannelRead(msg);
    }

    long lastNanos() {
        return lastNanos;
    }

    Instant lastWall() {
        return lastWall;
    }
}
