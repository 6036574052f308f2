package dev.outpost.gateway.mqtt;

import java.util.concurrent.CompletionStage;

/**
 * Handles one action. Runs on the bridge's executor: do slow work elsewhere and complete the stage later. A thrown
 * exception or a failed stage becomes an {@code internal_error} reply.
 */
@FunctionalInterface
public interface RequestHandler {
    CompletionStage<Reply> handle(Request request);
}
