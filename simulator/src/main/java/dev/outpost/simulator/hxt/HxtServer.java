package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtEvent;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import dev.outpost.protocol.hxt.HxtLimits;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.StampingThreads;
import dev.outpost.simulator.SimulatorStats;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.truth.GroundTruth;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PoC platform's WebSocket endpoint (docs/protocols/hxt.md section 8). One acceptor
 * thread and one event-loop thread: the loop serialises every connection's work and all scheduled
 * acks, which keeps reply instants honest.
 */
public final class HxtServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HxtServer.class);
    private static final int MAX_HANDSHAKE_BYTES = 8192;

    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("sim-hxt-accept", true));
    private final EventLoopGroup worker;
    private final HxtWorld world;
    private final Channel serverChannel;
    private final URI uri;

    private HxtServer(SimulatorOptions options, BehaviourModel model, GroundTruth truth, StampingThreads stamping)
            throws InterruptedException {
        this.worker = new NioEventLoopGroup(1, stamping.named("sim-hxt-loop"));
        this.world = new HxtWorld(options, model, truth, worker.next());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(boss, worker)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ArrivalStamp arrival = new ArrivalStamp();
                            ch.pipeline().addLast(
                                    arrival,
                                    new HttpServerCodec(),
                                    new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                            .websocketPath(options.path())
                                            .maxFramePayloadLength(HxtLimits.MAX_FRAME_BYTES)
                                            .build()),
                                    new WebSocketFrameAggregator(HxtLimits.MAX_FRAME_BYTES),
                                    new HxtConnectionHandler(world, arrival));
                        }
                    })
                    .bind(options.host(), options.port()).sync().channel();
        } catch (Exception e) {
            // Netty rethrows a failed bind's checked BindException undeclared; catch it all here.
            shutdownLoops();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), io);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        this.uri = URI.create("ws://" + hostForUri(options.host()) + ":" + bound.getPort() + options.path());
        new ServerSchedules(world, worker.next()).start();
        LOG.info("hxt simulator listening on {} with {} units ({} online)", uri, model.all().size(), model.online().size());
    }

    /** Binds and starts serving; {@link UncheckedIOException} if the address cannot be bound. */
    public static HxtServer start(SimulatorOptions options, BehaviourModel model, GroundTruth truth,
                                  StampingThreads stamping) throws InterruptedException {
        return new HxtServer(options, model, truth, stamping);
    }

    public URI uri() {
        return uri;
    }

    public SimulatorStats stats() {
        HxtCounters c = world.counters;
        return new SimulatorStats(c.rollCalls.get(), c.callsDelivered.get(), c.callsRefused.get(), c.acksSent.get(),
                c.acksLost.get(), c.invalidFrames.get(), world.connected.size(), world.loggedOn.size(), c.drops.get());
    }

    /**
     * Sends an event (an SOS, a text, a location...) to every logged-on client, as if a unit had just done it.
     * Returns how many clients it went to. Used by scenarios and tests; calls answer by themselves.
     */
    public int emit(HxtEvent event) {
        String frame = world.codec.encode(event);
        int sent = 0;
        for (io.netty.channel.Channel channel : world.loggedOn) {
            channel.writeAndFlush(new TextWebSocketFrame(frame));
            sent++;
        }
        return sent;
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        world.connected.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownLoops();
    }

    private void shutdownLoops() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        worker.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        worker.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
