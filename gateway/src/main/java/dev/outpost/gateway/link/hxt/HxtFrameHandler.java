package dev.outpost.gateway.link.hxt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/** Last in the pipeline: hands WebSocket data frames and connection events to the link. Per channel. */
final class HxtFrameHandler extends ChannelInboundHandlerAdapter {
    private final ReceiveStampHandler stamp;
    private final HxtConnectionEvents events;

    HxtFrameHandler(ReceiveStampHandler stamp, HxtConnectionEvents events) {
        this.stamp = stamp;
        this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                events.textFrame(ctx.channel(), text.text(), stamp.lastNanos(), stamp.lastWall());
            } else if (msg instanceof WebSocketFrame frame) {
                events.nonTextFrame(ctx.channel(), frame.getClass().getSimpleName());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            events.handshakeComplete(ctx.channel());
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            events.connectionProblem(ctx.channel(), "WebSocket handshake timed out");
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        events.connectionProblem(ctx.channel(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        events.closed(ctx.channel());
        ctx.fireChannelInactive();
    }
}
