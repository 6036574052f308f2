package dev.outpost.gateway.testsupport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Plays systemd's side of sd_notify: an AF_UNIX datagram socket, given to the daemon as {@code NOTIFY_SOCKET}
 * (a path, or {@code @name} in the abstract namespace); every datagram it receives is kept, in order.
 */
public final class NotifyListener implements AutoCloseable {
    private final EpollEventLoopGroup group;
    private final Channel channel;
    private final String address;
    private final LinkedBlockingQueue<String> received;
    private final List<String> seen = new ArrayList<>();

    private NotifyListener(EpollEventLoopGroup group, Channel channel, String address,
                           LinkedBlockingQueue<String> received) {
        this.group = group;
        this.channel = channel;
        this.address = address;
        this.received = received;
    }

    /** @param address a socket path, or {@code @name} for the abstract namespace */
    public static NotifyListener bind(String address) throws InterruptedException {
        EpollEventLoopGroup group = new EpollEventLoopGroup(1);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        String nettyPath = address.startsWith("@") ? "\0" + address.substring(1) : address;
        try {
            Channel channel = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
                            received.add(packet.content().toString(StandardCharsets.UTF_8));
                        }
                    })
                    .bind(new DomainSocketAddress(nettyPath)).sync().channel();
            return new NotifyListener(group, channel, address, received);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public static NotifyListener bind(Path path) throws InterruptedException {
        return bind(path.toString());
    }

    /** The value for {@code NOTIFY_SOCKET}. */
    public String address() {
        return address;
    }

    /** Waits (bounded) for a datagram matching {@code wanted}, keeping the ones before it; returns it. */
    public String await(Predicate<String> wanted, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String message = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                throw new AssertionError("no " + what + " within " + limit + "; received so far: " + seen);
            }
            seen.add(message);
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Every datagram taken so far, in order of arrival. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** Whether {@code message} has the line {@code assignment} (e.g. {@code READY=1}). */
    public static boolean has(String message, String assignment) {
        return message.lines().anyMatch(assignment::equals);
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
