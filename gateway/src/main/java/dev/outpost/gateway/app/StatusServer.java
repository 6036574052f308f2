package dev.outpost.gateway.app;

import dev.outpost.config.HttpSettings;
import dev.outpost.gateway.http.HttpServer;
import dev.outpost.gateway.http.StatusEndpoints;
import dev.outpost.gateway.http.StatusSource;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics, health and status-page server with its own one-thread event loop ({@code outpost-http}), so that a
 * scrape or a page render never delays a link's receive stamps. A port that cannot be bound is logged, not fatal:
 * the gateway's duty is musters, and the operator still has the log and MQTT {@code health}.
 */
final class StatusServer implements AutoCloseable {
    static final Duration PAGE_REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);

    private final EventLoopGroup group;
    private final HttpServer server;

    private StatusServer(EventLoopGroup group, HttpServer server) {
        this.group = group;
        this.server = server;
    }

    static StatusServer start(HttpSettings settings, StatusSource source, GatewayMeters meters) {
        if (!settings.enabled()) {
            log.info("status server disabled (http.enabled: false)");
            return new StatusServer(null, null);
        }
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("outpost-http", true));
        try {
            InetSocketAddress listen = new InetSocketAddress(settings.listen().host(), settings.listen().port());
            return new StatusServer(group, HttpServer.start(group, listen,
                    StatusEndpoints.of(source, meters::scrape, PAGE_REFRESH)));
        } catch (HttpServer.HttpBindException e) {
            log.error("{}; metrics, /healthz, /readyz and the status page are unavailable (set http.listen in the "
                    + "config to a free port)", e.getMessage());
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            return new StatusServer(null, null);
        }
    }

    Optional<InetSocketAddress> address() {
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }
}
