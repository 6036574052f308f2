package dev.outpost.gateway.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes one request to its endpoint and writes the reply; anything that goes wrong becomes a status code. */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Pages are self-contained: nothing may be fetched from anywhere, no script may run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final Map<String, HttpEndpoint> routes;

    HttpRequestHandler(Map<String, HttpEndpoint> routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            write(ctx, HttpReply.text(400, "bad request: " + request.decoderResult().cause().getMessage()));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpEndpoint endpoint = routes.get(path);
        if (endpoint == null) {
            write(ctx, HttpReply.text(404, "not found: " + path + "\nthis server has " + String.join(", ",
                    new TreeSet<>(routes.keySet()))));
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            write(ctx, HttpReply.text(405, "method " + request.method() + " is not allowed on " + path
                    + ": this server only answers GET"));
            return;
        }
        CompletableFuture<HttpReply> reply;
        try {
            reply = endpoint.get();
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("GET {} failed: {}", path, failure.toString());
            }
            write(ctx, failure == null ? ok : HttpReply.text(500, "internal error while answering " + path));
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Read timeouts and resets end here; the connection is simply closed.
        log.debug("status server connection closed: {}", cause.toString());
        ctx.close();
    }

    private static void write(ChannelHandlerContext ctx, HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff");
        if (reply.status() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
