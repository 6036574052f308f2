package dev.outpost.bench.load;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays systemd's side of sd_notify for one gateway process: an AF_UNIX datagram socket to pass as
 * {@code NOTIFY_SOCKET}, stamping the instant a {@code READY=1} datagram arrives.
 */
final class ReadyListener implements AutoCloseable {
    private final EpollEventLoopGroup group = new EpollEventLoopGroup(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Channel channel;
    private final Path path;
    private volatile long readyAt;

    ReadyListener(Path path) throws InterruptedException {
        this.path = path;
        try {
            channel = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
                            long now = System.nanoTime();
                            String text = packet.content().toString(StandardCharsets.UTF_8);
                            if (text.lines().anyMatch("READY=1"::equals) && ready.getCount() > 0) {
                                readyAt = now;
                                ready.countDown();
                            }
                        }
                    })
                    .bind(new DomainSocketAddress(path.toString())).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The value for {@code NOTIFY_SOCKET}. */
    String address() {
        return path.toString();
    }

    /**
     * Waits (bounded) for READY=1 from {@code process}; returns the {@code System.nanoTime()} it arrived at, or -1
     * if it did not come in time or the process exited first.
     */
    long awaitReady(Process process, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!ready.await(50, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                return -1;
            }
        }
        return readyAt;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
