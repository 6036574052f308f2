package dev.outpost.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.LinkState;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a real loopback socket: routing, method and size limits, and answers that fail or never come. */
class HttpServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile CompletableFuture<Void> pingAnswer = CompletableFuture.completedFuture(null);
    private EventLoopGroup group;
    private HttpServer server;
    private StatusSource source;

    @BeforeEach
    void start() throws Exception {
        group = new NioEventLoopGroup(1);
        source = new StatusSource() {
            @Override
            public CompletableFuture<Void> ping() {
                return pingAnswer;
            }

            @Override
            public CompletableFuture<GatewayStatus> status() {
                return CompletableFuture.completedFuture(StatusFixtures.status(
                        List.of(StatusFixtures.link("dmr", LinkState.UP)), true, Optional.empty(), List.of()));
            }
        };
        Map<String, HttpEndpoint> routes = new java.util.HashMap<>(
                StatusEndpoints.of(source, () -> "# metrics\n", Duration.ZERO, Duration.ofMillis(100)));
        routes.put("/broken", () -> {
            throw new IllegalStateException("boom");
        });
        server = HttpServer.start(group, new InetSocketAddress("127.0.0.1", 0), routes);
    }

    @AfterEach
    void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .timeout(Duration.ofSeconds(10));
    }

    @Test
    void endpointsAnswerGetWithTheirContentType() throws Exception {
        HttpResponse<String> metrics = send(request("/metrics?x=1"));
        assertEquals(200, metrics.statusCode());
        assertEquals("# metrics\n", metrics.body());
        assertEquals(HttpReply.PROMETHEUS, metrics.headers().firstValue("content-type").orElseThrow());
        assertEquals("ok\n", send(request("/healthz")).body());
        assertEquals(200, send(request("/readyz")).statusCode());
        HttpResponse<String> page = send(request("/"));
        assertTrue(page.body().startsWith("<!DOCTYPE html>"));
        assertEquals(HttpRequestHandler.CONTENT_SECURITY_POLICY, page.headers().firstValue("content-security-policy").orElseThrow());
    }

    @Test
    void unknownPathsAre404AndSayWhatExists() throws Exception {
        HttpResponse<String> r = send(request("/admin"));
        assertEquals(404, r.statusCode());
        assertTrue(r.body().startsWith("not found: /admin\nthis server has /, /broken, /healthz, /metrics"), r.body());
    }

    @Test
    void otherMethodsAre405WithAllowGet() throws Exception {
        HttpResponse<String> r = send(request("/metrics").DELETE());
        assertEquals(405, r.statusCode());
        assertEquals("GET", r.headers().firstValue("allow").orElseThrow());
        assertTrue(r.body().contains("only answers GET"));
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        String big = "x".repeat(HttpServer.MAX_BODY + 1);
        assertEquals(413, send(request("/metrics").method("GET", HttpRequest.BodyPublishers.ofString(big)))
                .statusCode());
        assertEquals(400, send(request("/metrics?q=" + "y".repeat(HttpServer.MAX_INITIAL_LINE))).statusCode());
    }

    @Test
    void aCoreThreadThatDoesNotAnswerIs503() throws Exception {
        pingAnswer = new CompletableFuture<>();
        HttpResponse<String> stuck = send(request("/healthz"));
        assertEquals(503, stuck.statusCode());
        assertEquals("the core thread did not answer within 100 ms\n", stuck.body());
    }

    @Test
    void anEndpointThatFailsIs500() throws Exception {
        HttpResponse<String> r = send(request("/broken"));
        assertEquals(500, r.statusCode());
        assertEquals("internal error while answering /broken\n", r.body());
    }
}
