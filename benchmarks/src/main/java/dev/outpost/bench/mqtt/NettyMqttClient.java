package dev.outpost.bench.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A minimal MQTT 5 client on Netty's MQTT codec, for measuring what the client library costs (issue 8): one NIO
 * event loop thread per client, TCP_NODELAY, clean start, no keep-alive, no reconnect. QoS 1 only: publishes wait
 * for room in a bounded in-flight window (the smaller of what was asked and the broker's Receive Maximum) and are
 * written by the event loop in batches, one flush per batch; received QoS 1 messages are acknowledged.
 * Benchmark tooling, not product code.
 */
public final class NettyMqttClient implements AutoCloseable {
    /** Thread names start with this, then the client identifier: for per-thread CPU accounting. */
    public static final String THREAD_PREFIX = "netty-mqtt-";
    private static final long TIMEOUT_MILLIS = 10_000;

    /** Called on the client's event loop thread for every message received. */
    @FunctionalInterface
    public interface MessageListener {
        void onMessage(String topic, byte[] payload);
    }

    private final String clientId;
    private final EventLoopGroup loop;
    private final Channel channel;
    private final ClientHandler handler;
    private final InFlightWindow window;
    private final Queue<MqttMessage> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drainOutbox;

    private NettyMqttClient(String clientId, EventLoopGroup loop, Channel channel, ClientHandler handler,
                            InFlightWindow window) {
        this.clientId = clientId;
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.window = window;
    }

    /**
     * Connects to {@code tcp://host:port} and waits for the CONNACK.
     *
     * @param window most unacknowledged QoS 1 publishes at once (1..65,535; the broker may lower it)
     * @throws IOException if the connection fails or the broker refuses it (the CONNACK's reason is in the message)
     */
    public static NettyMqttClient connect(String brokerUrl, String clientId, int window, MessageListener listener)
            throws IOException, InterruptedException {
        URI uri = URI.create(brokerUrl);
        if (!"tcp".equals(uri.getScheme()) || uri.getPort() < 0) {
            throw new IllegalArgumentException("expected tcp://host:port, got " + brokerUrl);
        }
        new InFlightWindow(window); // validates the size before anything is started
        EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory(THREAD_PREFIX + clientId, true));
        ClientHandler handler = new ClientHandler(window, listener);
        try {
            Channel channel = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT_MILLIS)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new MqttDecoder(1 << 20), MqttEncoder.INSTANCE, handler);
                        }
                    })
                    .connect(uri.getHost(), uri.getPort()).sync().channel();
            channel.writeAndFlush(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5)
                    .clientId(clientId).cleanSession(true).keepAlive(0).build());
            InFlightWindow granted = await(handler.connected, "CONNACK from " + brokerUrl);
            return new NettyMqttClient(clientId, loop, channel, handler, granted);
        } catch (IOException | InterruptedException | RuntimeException e) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (Exception connectFailed) { // Netty's sync() rethrows checked exceptions undeclared
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot connect to " + brokerUrl + ": " + connectFailed, connectFailed);
        }
    }

    /** Subscribes to {@code filter} at QoS 1 and waits for the SUBACK. */
    public void subscribe(String filter) throws IOException, InterruptedException {
        int packetId = acquirePacketId();
        CompletableFuture<Integer> subAck = new CompletableFuture<>();
        handler.subscriptions.put(packetId, subAck);
        send(MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(MqttQoS.AT_LEAST_ONCE, filter).build());
        int granted = await(subAck, "SUBACK for " + filter);
        if (granted != MqttQoS.AT_LEAST_ONCE.value()) {
            throw new IOException("the broker did not grant QoS 1 on " + filter + " (SUBACK code " + granted + ")");
        }
    }

    /** Publishes at QoS 1; blocks while the in-flight window is full. */
    public void publish(String topic, byte[] payload) throws IOException, InterruptedException {
        int packetId = acquirePacketId();
        send(new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                new MqttPublishVariableHeader(topic, packetId, MqttProperties.NO_PROPERTIES),
                Unpooled.wrappedBuffer(payload)));
    }

    /** Waits until every publish so far is acknowledged; false on timeout. */
    public boolean awaitAcknowledged(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (window.inFlight() > 0) {
            if (System.nanoTime() > deadline || handler.failure() != null) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    public String clientId() {
        return clientId;
    }

    /** The in-flight window granted: what was asked, or the broker's Receive Maximum if smaller. */
    public int window() {
        return window.size();
    }

    /** Publishes the broker acknowledged with a success code. */
    public long acknowledged() {
        return handler.acked.sum();
    }

    /** Publishes the broker acknowledged with an error code (0x80 and above). */
    public long rejected() {
        return handler.rejected.sum();
    }

    /** Sends DISCONNECT, closes the connection and stops the event loop thread. */
    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(MqttMessageBuilders.disconnect().build()).awaitUninterruptibly(TIMEOUT_MILLIS);
        }
        channel.close().awaitUninterruptibly(TIMEOUT_MILLIS);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(TIMEOUT_MILLIS);
    }

    private int acquirePacketId() throws IOException, InterruptedException {
        int packetId;
        while ((packetId = window.tryAcquire(100)) == 0) {
            throwIfFailed();
        }
        return packetId;
    }

    /** Queues for the event loop; the first message of a batch schedules the drain that writes and flushes it. */
    private void send(MqttMessage message) throws IOException {
        throwIfFailed();
        outbox.add(message);
        if (drainScheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    /** Clears the flag before polling, so a message queued after the last poll schedules its own drain. */
    private void drainOutbox() {
        drainScheduled.set(false);
        MqttMessage message;
        while ((message = outbox.poll()) != null) {
            channel.write(message, channel.voidPromise());
        }
        channel.flush();
    }

    private void throwIfFailed() throws IOException {
        IOException failure = handler.failure();
        if (failure != null) {
            throw new IOException("MQTT client " + clientId + ": " + failure.getMessage(), failure);
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws IOException, InterruptedException {
        try {
            return future.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof IOException io ? io : new IOException(what + " failed: " + cause, cause);
        } catch (TimeoutException late) {
            throw new IOException("no " + what + " within " + TIMEOUT_MILLIS + " ms");
        }
    }
}
