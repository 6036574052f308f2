package dev.outpost.simulator.hxt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Instant;

/**
 * First handler of a connection's pipeline: notes when bytes arrived, before any HTTP or WebSocket
 * decoding. A unit "hears" a call when its bytes reach the server, not when our decoder got round
 * to them, so the ground truth's call-receive instant must not include our own processing lag.
 * Frames decoded from one read share its instant. One instance per channel (it keeps state).
 */
final class ArrivalStamp extends ChannelInboundHandlerAdapter {
    private long lastMonoNanos = System.nanoTime();
    private Instant lastWall = Instant.now();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastMonoNanos = System.nanoTime();
        lastWall = Instant.now();
        ctx.fireChannelRead(msg);
    }

    long monoNanos() {
        return lastMonoNanos;
    }

    Instant wall() {
        return lastWall;
    }
}
