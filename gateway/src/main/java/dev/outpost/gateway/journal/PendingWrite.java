package dev.outpost.gateway.journal;

import java.util.concurrent.CompletableFuture;

/** A submitted op and the future its submitter waits on. */
record PendingWrite<T>(WriteOp<T> op, CompletableFuture<T> future) {

    @SuppressWarnings("unchecked")
    void complete(Object result) {
        future.complete((T) result);
    }

    void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }
}
