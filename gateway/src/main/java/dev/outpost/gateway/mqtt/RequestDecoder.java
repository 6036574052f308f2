package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** Turns a request payload into a {@link Request} or an error {@link Reply}. Never throws on bad input. */
final class RequestDecoder {
    private final int maxBytes;
    private final ObjectReader reader = MqttJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"retries":1,"retries":100} is ambiguous; refuse it rather than guess which one was meant.
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .withoutFeatures(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    RequestDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The outcome of decoding: a request to route, or the error to reply with. */
    sealed interface Decoded {
        record Valid(Request request) implements Decoded {}

        record Invalid(Reply reply) implements Decoded {}
    }

    Decoded decode(String action, byte[] payload) {
        if (payload.length > maxBytes) {
            return invalid(ErrorCodes.PAYLOAD_TOO_LARGE,
                    "payload is " + payload.length + " bytes; the limit is " + maxBytes);
        }
        JsonNode tree;
        try {
            tree = reader.readTree(payload);
        } catch (JsonProcessingException e) {
            return invalid(ErrorCodes.INVALID_JSON, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return invalid(ErrorCodes.INVALID_JSON, "not valid JSON: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return invalid(ErrorCodes.INVALID_JSON, "empty payload; send a JSON object such as {}");
        }
        if (!tree.isObject()) {
            return invalid(ErrorCodes.INVALID_REQUEST,
                    "a request must be a JSON object, not " + tree.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode body = (ObjectNode) tree;
        JsonNode txn = body.get("transaction");
        if (txn == null || txn.isNull()) {
            return new Decoded.Valid(new Request(action, body, Optional.empty()));
        }
        if (!txn.isTextual() && !txn.isIntegralNumber()) {
            return invalid(ErrorCodes.INVALID_REQUEST, "transaction must be a string or an integer");
        }
        return new Decoded.Valid(new Request(action, body, Optional.of(txn.asText())));
    }

    private static Decoded invalid(String code, String message) {
        return new Decoded.Invalid(Reply.error(code, message));
    }
}
