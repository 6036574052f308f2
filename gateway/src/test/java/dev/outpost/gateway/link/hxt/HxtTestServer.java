package dev.outpost.gateway.link.hxt;

import dev.outpost.protocol.hxt.HxtCodec;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtFrame;
import dev.outpost.protocol.hxt.HxtMessage;
import dev.outpost.protocol.hxt.HxtReply;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal hxt server for link tests, on 127.0.0.1 with an ephemeral port. It accepts one token,
 * answers pings and roll calls as scripted, records every command it receives and lets a test push
 * frames or drop the connection. (The full simulator lives in the simulator module.)
 */
final class HxtTestServer implements AutoCloseable {
    static final String GOOD_TOKEN = "good-token";

    private final HxtCodec codec = new HxtCodec();
    private final Channel serverChannel;
    final BlockingQueue<HxtCommand> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Channel> connections = new LinkedBlockingQueue<>();
    private volatile Channel current;
    volatile Function<HxtCommand.RollCall, HxtReply> rollCallReply = call -> new HxtReply.RollCallOk(call.seq(),
            List.of());
    volatile boolean answerPings = true;

    HxtTestServer(EventLoopGroup group) throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/hxt/v1"), new Responder());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    URI uri() {
        int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        return URI.create("ws://127.0.0.1:" + port + "/hxt/v1");
    }

    /** The next command the link sent, waiting at most five seconds. */
    HxtCommand nextCommand() throws InterruptedException {
        HxtCommand command = received.poll(5, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("the link sent nothing within 5 s");
        }
        return command;
    }

    <T extends HxtCommand> T next(Class<T> type) throws InterruptedException {
        HxtCommand command;
        do {
            command = nextCommand();
        } while (!type.isInstance(command));
        return type.cast(command);
    }

    void send(HxtMessage message) {
        sendRaw(codec.encode(message));
    }

    void sendRaw(String text) {
        current.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    void dropConnection() {
        current.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        for (Channel ch : connections) {
            ch.close().syncUninterruptibly();
        }
    }

    private final class Responder extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                current = ctx.channel();
                connections.add(ctx.channel());
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            HxtFrame decoded = codec.decode(frame.text());
            if (!(decoded instanceof HxtCommand command)) {
                throw new AssertionError("link sent an invalid frame: " + decoded);
            }
            received.add(command);
            HxtReply reply = null;
            if (command instanceof HxtCommand.Logon logon) {
                reply = logon.authToken().equals(GOOD_TOKEN) ? new HxtReply.LogonOk(logon.seq(), "session-1")
                        : new HxtReply.Failure(logon.seq(), "bad token");
            } else if (command instanceof HxtCommand.Ping ping && answerPings) {
                reply = new HxtReply.Ok(ping.seq());
            } else if (command instanceof HxtCommand.RollCall call) {
                reply = rollCallReply.apply(call);
            }
            if (reply != null) {
                var written = ctx.writeAndFlush(new TextWebSocketFrame(codec.encode(reply)));
                if (reply instanceof HxtReply.Failure && command instanceof HxtCommand.Logon) {
                    written.addListener(ChannelFutureListener.CLOSE);
                }
            }
        }
    }
}
