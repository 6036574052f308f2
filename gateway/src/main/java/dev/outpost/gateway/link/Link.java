package dev.outpost.gateway.link;

import dev.outpost.config.registry.Bearer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One configured connection to a radio or PoC network. Each link type (hxt, hbp, pei, ...) lives in
 * its own package under {@code link/} and implements this interface; nothing else reaches inside.
 *
 * <p>Links deliver {@link dev.outpost.gateway.event.UnitEvent}s and {@link LinkStatus} changes to the
 * {@link LinkListener} given at construction, from their own network threads.
 */
public interface Link {
    String id();

    Bearer bearer();

    /** Starts connecting (or listening) in the background; returns at once. Never throws for network trouble. */
    void start();

    /** Closes everything the link opened. Idempotent. */
    void stop();

    LinkStatus status();

    /** How the muster engine may pace calls on this link. */
    Pacing pacing();

    /**
     * The channel a call to {@code address} would go out on now (a DMR repeater slot, say), when the link paces per
     * channel; empty (the default) when the link is one channel, paced by {@link #pacing()}. Safe from any thread.
     */
    default Optional<String> channelOf(String address) {
        return Optional.empty();
    }

    /** How the muster engine may pace calls on one channel named by {@link #channelOf}; by default the link's. */
    default Pacing pacing(String channel) {
        return pacing();
    }

    /**
     * Sends one call (a roll call, radio check, status request, ...) to the given addresses.
     *
     * <p>The returned stage completes with the instant the call left the gateway, stamped by the link
     * just before the bytes were handed to the transport, and with the addresses the network refused.
     * It completes exceptionally with {@link LinkUnavailableException} when the link is not up.
     * It may complete on any thread.
     */
    CompletionStage<CallReceipt> call(CallRequest request);
}
