package dev.outpost.bench.mqtt;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's side of one MQTT 5 connection, on its event loop: CONNACK (which sizes the in-flight window by
 * the broker's Receive Maximum), SUBACK, PUBACK (frees the packet identifier), incoming PUBLISH (handed to the
 * listener, QoS 1 acknowledged; the PUBACKs of one read are flushed together). Anything unexpected ends the
 * connection with a {@link #failure()} rather than an exception on the event loop.
 */
final class ClientHandler extends SimpleChannelInboundHandler<MqttMessage> {
    private static final int RECEIVE_MAXIMUM = MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value();

    private final int requestedWindow;
    private final NettyMqttClient.MessageListener listener;
    final CompletableFuture<InFlightWindow> connected = new CompletableFuture<>();
    final Map<Integer, CompletableFuture<Integer>> subscriptions = new ConcurrentHashMap<>();
    final LongAdder acked = new LongAdder();
    final LongAdder rejected = new LongAdder();
    private volatile InFlightWindow window;
    private volatile IOException failure;

    ClientHandler(int requestedWindow, NettyMqttClient.MessageListener listener) {
        this.requestedWindow = requestedWindow;
        this.listener = listener;
    }

    /** Why the connection ended abnormally, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            fail(ctx, new IOException("undecodable packet from the broker", message.decoderResult().cause()));
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        switch (type) {
            case CONNACK -> onConnAck(ctx, (MqttConnAckMessage) message);
            case PUBLISH -> onPublish(ctx, (MqttPublishMessage) message);
            case PUBACK -> onPubAck(ctx, message);
            case SUBACK -> onSubAck((MqttSubAckMessage) message);
            case DISCONNECT -> fail(ctx, new IOException("the broker disconnected us: " + message.variableHeader()));
            default -> {
                // PINGRESP and the like: nothing to do for a benchmark client
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, new IOException("connection closed"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, new IOException("connection failed: " + cause, cause));
    }

    private void onConnAck(ChannelHandlerContext ctx, MqttConnAckMessage message) {
        MqttConnectReturnCode code = message.variableHeader().connectReturnCode();
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            fail(ctx, new IOException("the broker refused the connection (CONNACK " + code + ")"));
            return;
        }
        int size = requestedWindow;
        MqttProperties.MqttProperty<?> receiveMaximum = message.variableHeader().properties().getProperty(RECEIVE_MAXIMUM);
        if (receiveMaximum != null && receiveMaximum.value() instanceof Integer brokerMaximum) {
            size = Math.min(size, brokerMaximum);
        }
        window = new InFlightWindow(size);
        connected.complete(window);
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage message) {
        listener.onMessage(message.variableHeader().topicName(), ByteBufUtil.getBytes(message.content()));
        if (message.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2);
            ctx.write(new MqttMessage(header, MqttMessageIdVariableHeader.from(message.variableHeader().packetId())),
                    ctx.voidPromise());
        }
    }

    private void onPubAck(ChannelHandlerContext ctx, MqttMessage message) {
        int packetId = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
        InFlightWindow current = window;
        if (current == null || !current.release(packetId)) {
            fail(ctx, new IOException("PUBACK for packet " + packetId + ", which is not in flight"));
            return;
        }
        if (message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
                && (reply.reasonCode() & 0xFF) >= 0x80) {
            rejected.increment();
        } else {
            acked.increment();
        }
    }

    private void onSubAck(MqttSubAckMessage message) {
        int packetId = message.variableHeader().messageId();
        CompletableFuture<Integer> pending = subscriptions.remove(packetId);
        InFlightWindow current = window;
        if (current != null) {
            current.release(packetId);
        }
        if (pending != null) {
            pending.complete(message.payload().reasonCodes().isEmpty() ? 0x80 : message.payload().reasonCodes().get(0));
        }
    }

    private void fail(ChannelHandlerContext ctx, IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        connected.completeExceptionally(cause);
        subscriptions.values().forEach(pending -> pending.completeExceptionally(cause));
        ctx.close();
    }
}
