package dev.outpost.gateway.http;

import java.util.concurrent.CompletableFuture;

/** Where the status server gets its answers; implemented by the composition root over the core thread. */
public interface StatusSource {
    /** Completes when the core thread has run a task: the gateway's heart is beating. */
    CompletableFuture<Void> ping();

    /** Gathers the gateway's state on the core thread. */
    CompletableFuture<GatewayStatus> status();
}
