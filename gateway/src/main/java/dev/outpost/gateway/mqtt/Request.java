package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded request.
 *
 * @param action      the topic after {@code <base>/request/}, e.g. {@code muster/start}
 * @param body        the whole JSON object as sent (including {@code transaction}); handlers must not modify it
 * @param transaction the caller's {@code transaction} field, as text, when present
 */
public record Request(String action, ObjectNode body, Optional<String> transaction) {
    public Request {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(transaction, "transaction");
    }
}
