package dev.outpost.gateway.http;

import java.util.concurrent.CompletableFuture;

/** What one path of the status server answers to a GET. May complete on any thread; never blocks the caller. */
@FunctionalInterface
public interface HttpEndpoint {
    CompletableFuture<HttpReply> get();
}
