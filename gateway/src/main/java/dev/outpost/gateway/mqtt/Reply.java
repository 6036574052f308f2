package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply: {@code {"status":"ok"|"error","data":{..},"error":{"code":..,"message":..},"transaction":..,"ts":..}}.
 * All keys are always present; {@code error} is null on success, {@code data} is null on error.
 */
public record Reply(boolean ok, Optional<ObjectNode> data, Optional<ErrorInfo> error, Optional<String> transaction) {

    /** @param code one of {@link ErrorCodes} */
    public record ErrorInfo(String code, String message) {
        public ErrorInfo {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public Reply {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(transaction, "transaction");
    }

    public static Reply ok(ObjectNode data) {
        return new Reply(true, Optional.of(data), Optional.empty(), Optional.empty());
    }

    public static Reply error(String code, String message) {
        return new Reply(false, Optional.empty(), Optional.of(new ErrorInfo(code, message)), Optional.empty());
    }

    public Reply withTransaction(Optional<String> txn) {
        return new Reply(ok, data, error, txn);
    }

    public ObjectNode toJson(Instant now) {
        ObjectNode json = MqttJson.object();
        json.put("status", ok ? "ok" : "error");
        if (data.isPresent()) {
            json.set("data", data.get());
        } else {
            json.putNull("data");
        }
        if (error.isPresent()) {
            json.putObject("error").put("code", error.get().code()).put("message", error.get().message());
        } else {
            json.putNull("error");
        }
        if (transaction.isPresent()) {
            json.put("transaction", transaction.get());
        } else {
            json.putNull("transaction");
        }
        json.put("ts", MqttJson.timestamp(now));
        return json;
    }
}
