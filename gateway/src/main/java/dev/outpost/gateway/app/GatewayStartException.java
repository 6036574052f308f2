package dev.outpost.gateway.app;

/** The gateway cannot start for a reason outside its config's syntax (e.g. its journal cannot be opened). */
public final class GatewayStartException extends Exception {
    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
