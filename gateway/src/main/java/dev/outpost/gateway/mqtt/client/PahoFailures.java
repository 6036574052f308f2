package dev.outpost.gateway.mqtt.client;

import java.util.concurrent.CompletableFuture;

/** Turns Paho's failures into ours. Both Paho generations share the client-side reason code numbers. */
final class PahoFailures {
    private static final int CLIENT_NOT_CONNECTED = 32104;
    private static final int CONNECTION_LOST = 32109;
    private static final int CLIENT_DISCONNECTING = 32102;
    private static final int CLIENT_CLOSED = 32111;
    private static final int CLIENT_CONNECTED = 32100;

    private PahoFailures() {}

    static Throwable translate(int reasonCode, Throwable failure) {
        return switch (reasonCode) {
            case CLIENT_NOT_CONNECTED, CONNECTION_LOST, CLIENT_DISCONNECTING, CLIENT_CLOSED, CLIENT_CONNECTED ->
                    new MqttNotConnectedException("not connected (" + describe(failure) + ")");
            default -> failure;
        };
    }

    static <T> CompletableFuture<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    /** One Paho call whose failure only matters as a debug line (tearing a connection down). */
    @FunctionalInterface
    interface TeardownStep {
        void run() throws Exception;
    }

    /** Runs a teardown step; a failure is logged at debug and swallowed, since the connection is going anyway. */
    static void quietly(org.slf4j.Logger log, String what, TeardownStep step) {
        try {
            step.run();
        } catch (Exception e) {
            log.debug("{}: {}", what, describe(e));
        }
    }

    /** A one-line reason with the root cause, for logs and {@link ConnectionEvent.Lost}. */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(failure.getMessage());
        return root == failure ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
