package dev.outpost.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for metrics, health checks and the status page. GET only; each response closes its
 * connection (scrapers and browsers reconnect cheaply, and nothing is left open). Requests are bounded: the
 * request line, the headers and any body each have a small cap, and a silent connection is closed.
 *
 * <p>It runs on the event-loop group it is given, which should be its own: a scrape or a page render must never
 * delay a link's receive stamps.
 */
public final class HttpServer implements AutoCloseable {
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_BODY = 8192;
    static final int READ_TIMEOUT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final Channel channel;

    private HttpServer(Channel channel) {
        this.channel = channel;
    }

    /**
     * Binds and starts serving {@code endpoints} (path to endpoint; paths are exact, the query is ignored).
     *
     * @throws HttpBindException when the address cannot be bound (in use, not local, no permission)
     */
    public static HttpServer start(EventLoopGroup group, InetSocketAddress listen, Map<String, HttpEndpoint> endpoints)
            throws HttpBindException {
        Map<String, HttpEndpoint> routes = Map.copyOf(endpoints);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                                new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_BODY),
                                new HttpObjectAggregator(MAX_BODY),
                                new HttpRequestHandler(routes));
                    }
                });
        try {
            Channel channel = bootstrap.bind(listen).syncUninterruptibly().channel();
            InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
            log.info("status server listening on http://{}:{}/", bound.getHostString(), bound.getPort());
            return new HttpServer(channel);
        } catch (RuntimeException e) {
            throw new HttpBindException("cannot listen on " + listen.getHostString() + ":" + listen.getPort()
                    + " for metrics and the status page: " + e.getMessage(), e);
        }
    }

    /** The address actually bound (its port is the real one when port 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Stops accepting connections; requests in progress finish on their own. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /** The server could not bind its address. */
    public static final class HttpBindException extends Exception {
        HttpBindException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
