package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.time.GatewayClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens a raw TCP connection to a serial device server (ser2net, Moxa "TCP Server" mode): the bytes on the
 * socket are the bytes on the radio's UART. Runs on the caller's Netty group, which must be an NIO group.
 * No Nagle delay (a short AT line goes out at once) and TCP keepalive (a device server that loses power
 * otherwise leaves a half-open connection that never reads EOF).
 */
public final class TcpSerialPortOpener implements SerialPortOpener {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final SerialEndpoint.TcpDeviceServer endpoint;
    private final SerialSettings settings;
    private final EventLoopGroup group;
    private final GatewayClock clock;
    private final Duration connectTimeout;

    /** @param settings the device server's UART settings (configured on the server), used for byte timing */
    public TcpSerialPortOpener(SerialEndpoint.TcpDeviceServer endpoint, SerialSettings settings, EventLoopGroup group,
            GatewayClock clock, Duration connectTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    @Override
    public SerialEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public SerialConnection open(SerialInbound inbound) throws SerialOpenException {
        TcpSerialHandler handler = new TcpSerialHandler(clock, inbound, endpoint.describe());
        ChannelFuture connect = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(handler)
                .connect(endpoint.host(), endpoint.port());
        try {
            // Netty fails the future itself at the connect timeout; the extra second only guards against a stall.
            if (!connect.await(connectTimeout.toMillis() + 1_000)) {
                connect.cancel(false);
                throw unreachable("no answer within " + connectTimeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            connect.cancel(false);
            connect.channel().close();
            Thread.currentThread().interrupt();
            throw new SerialOpenException(SerialOpenException.Reason.OTHER, "interrupted while connecting to "
                    + endpoint.describe(), e);
        }
        if (!connect.isSuccess()) {
            Throwable cause = connect.cause();
            if (cause instanceof ConnectException) {
                throw unreachable("connection refused or timed out (is the device server in raw TCP server mode on "
                        + "that port, and is nobody else connected?)", cause);
            }
            if (cause instanceof UnknownHostException) {
                throw unreachable("unknown host", cause);
            }
            throw unreachable(String.valueOf(cause), cause);
        }
        return new TcpSerialConnection(connect.channel(), handler, endpoint.describe(), WRITE_TIMEOUT);
    }

    private SerialOpenException unreachable(String why, Throwable cause) {
        return new SerialOpenException(SerialOpenException.Reason.UNREACHABLE,
                "cannot connect to device server " + endpoint.describe() + ": " + why, cause);
    }
}
