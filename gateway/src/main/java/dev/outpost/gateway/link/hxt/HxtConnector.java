package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hxt.HxtLimits;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/**
 * Opens one WebSocket connection per call: TCP (no Nagle delay), optional TLS with the JDK trust store
 * and host name check, HTTP upgrade, frame reassembly bounded by the dialect's frame limit.
 * The event loop must belong to an NIO group.
 */
final class HxtConnector {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final HxtLinkOptions options;
    private final EventLoop loop;
    private final GatewayClock clock;
    private final SslContext ssl;

    HxtConnector(HxtLinkOptions options, EventLoop loop, GatewayClock clock) {
        this.options = options;
        this.loop = loop;
        this.clock = clock;
        this.ssl = options.secure() ? clientSsl() : null;
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the hxt link", e);
        }
    }

    ChannelFuture connect(HxtConnectionEvents events) {
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(options.url())
                .version(WebSocketVersion.V13)
                .maxFramePayloadLength(HxtLimits.MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .build();
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        ReceiveStampHandler stamp = new ReceiveStampHandler(clock);
                        p.addLast(stamp);
                        if (ssl != null) {
                            p.addLast(ssl.newHandler(ch.alloc(), options.url().getHost(), options.port()));
                        }
                        p.addLast(new HttpClientCodec());
                        p.addLast(new HttpObjectAggregator(8192));
                        p.addLast(new WebSocketClientProtocolHandler(ws));
                        p.addLast(new WebSocketFrameAggregator(HxtLimits.MAX_FRAME_BYTES));
                        p.addLast(new HxtFrameHandler(stamp, events));
                    }
                })
                .connect(options.url().getHost(), options.port());
    }
}
