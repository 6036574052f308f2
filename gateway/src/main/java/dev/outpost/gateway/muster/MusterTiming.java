package dev.outpost.gateway.muster;

/** A muster's timing in absolute monotonic nanos, fixed at start. */
record MusterTiming(long startNanos, long attemptTimeoutNanos, long deadlineNanos, long lateWindowNanos) {

    MusterTiming(MusterRequest request, long startNanos) {
        this(startNanos, request.attemptTimeout().toNanos(), startNanos + request.deadline().toNanos(),
                request.lateWindow().toNanos());
    }

    /** After this nothing can change: the overall deadline plus the late window. */
    long finalNanos() {
        return deadlineNanos + lateWindowNanos;
    }

    long expiry(CallState call) {
        return call.expiryNanos(attemptTimeoutNanos, deadlineNanos);
    }
}
