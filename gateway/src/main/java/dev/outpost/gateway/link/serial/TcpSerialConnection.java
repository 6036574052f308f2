package dev.outpost.gateway.link.serial;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.time.Duration;

/** An open serial-over-TCP channel. Writes wait for Netty to hand the bytes to the socket, one at a time. */
final class TcpSerialConnection implements SerialConnection {
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Channel channel;
    private final TcpSerialHandler handler;
    private final String peer;
    private final Duration writeTimeout;

    TcpSerialConnection(Channel channel, TcpSerialHandler handler, String peer, Duration writeTimeout) {
        this.channel = channel;
        this.handler = handler;
        this.peer = peer;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void startReading() {
        channel.config().setAutoRead(true);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ChannelFuture written = channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        try {
            if (!written.await(writeTimeout.toMillis())) {
                throw new IOException("write to " + peer + " not done within " + writeTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing to " + peer, e);
        }
        if (!written.isSuccess()) {
            throw new IOException("write to " + peer + " failed: " + written.cause(), written.cause());
        }
    }

    @Override
    public void close() {
        handler.closingByUs();
        try {
            channel.close().await(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return peer;
    }
}
