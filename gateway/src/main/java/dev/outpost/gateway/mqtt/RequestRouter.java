package dev.outpost.gateway.mqtt;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action table: which handler answers which action, with duplicate transactions answered from the cache
 * (and a transaction reused for a different body refused with {@code conflict}).
 */
final class RequestRouter {
    private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final TransactionCache transactions;

    RequestRouter(TransactionCache transactions) {
        this.transactions = transactions;
    }

    /** Adds or replaces the handler of an action. */
    void route(String action, RequestHandler handler) {
        if (action.isEmpty() || action.contains("+") || action.contains("#")) {
            throw new IllegalArgumentException("not a usable action: '" + action + "'");
        }
        handlers.put(action, handler);
    }

    Set<String> actions() {
        return new TreeSet<>(handlers.keySet());
    }

    /** Always completes normally with a reply that carries the request's transaction. */
    CompletableFuture<Reply> dispatch(Request request) {
        RequestHandler handler = handlers.get(request.action());
        if (handler == null) {
            return CompletableFuture.completedFuture(Reply.error(ErrorCodes.UNKNOWN_ACTION,
                            "unknown action '" + request.action() + "'; valid actions: " + String.join(", ", actions()))
                    .withTransaction(request.transaction()));
        }
        if (request.transaction().isEmpty()) {
            return invoke(handler, request);
        }
        return transactions.replyFor(request.action(), request.transaction().get(),
                RequestFingerprint.of(request.body()), () -> invoke(handler, request));
    }

    private static CompletableFuture<Reply> invoke(RequestHandler handler, Request request) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        CompletionStage<Reply> stage;
        try {
            stage = handler.handle(request);
        } catch (Exception e) {
            reply.complete(internalError(request, e));
            return reply;
        }
        if (stage == null) {
            reply.complete(internalError(request, new IllegalStateException("handler returned no reply")));
            return reply;
        }
        stage.whenComplete((answer, failure) -> {
            if (failure != null || answer == null) {
                reply.complete(internalError(request,
                        failure != null ? failure : new IllegalStateException("handler completed with no reply")));
            } else {
                reply.complete(answer.withTransaction(request.transaction()));
            }
        });
        return reply;
    }

    private static Reply internalError(Request request, Throwable failure) {
        log.error("MQTT request '{}' failed in its handler", request.action(), failure);
        return Reply.error(ErrorCodes.INTERNAL_ERROR, "the gateway could not complete '" + request.action()
                + "'; see the gateway log").withTransaction(request.transaction());
    }
}
