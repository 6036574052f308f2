package dev.outpost.gateway.mqtt;

/** The stable error codes of request replies. Documented in docs/mqtt-api.md; never rename one. */
public final class ErrorCodes {
    /** The request payload is larger than the configured maximum. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** The payload is not valid UTF-8 JSON. */
    public static final String INVALID_JSON = "invalid_json";
    /** The JSON is not an object, or a common field (such as {@code transaction}) has the wrong type. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** No handler for the action in the topic. */
    public static final String UNKNOWN_ACTION = "unknown_action";
    /** A field of the action's body is missing or wrong (used by handlers). */
    public static final String VALIDATION_FAILED = "validation_failed";
    /** The thing named (muster, unit) does not exist (used by handlers). */
    public static final String NOT_FOUND = "not_found";
    /** The request conflicts with current state, e.g. a muster already running (used by handlers). */
    public static final String CONFLICT = "conflict";
    /** The handler failed unexpectedly; nothing is known to have changed. */
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {}
}
