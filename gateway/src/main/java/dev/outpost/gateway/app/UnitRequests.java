package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.gateway.mqtt.ErrorCodes;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.Reply;
import dev.outpost.gateway.mqtt.Request;
import dev.outpost.gateway.time.TaskScheduler;
import dev.outpost.gateway.units.UnitDirectory;
import dev.outpost.gateway.units.UnitOutcome;
import dev.outpost.gateway.units.UnitView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code unit/*} request handlers (docs/mqtt-api.md). They run on the MQTT executor and hop onto the core
 * thread, which owns the registry; a change is answered once it is stored in the journal.
 */
final class UnitRequests {
    static final int LIST_DEFAULT = 500;
    static final int LIST_MAX = 5_000;

    private final UnitDirectory units;
    private final TaskScheduler core;

    UnitRequests(UnitDirectory units, TaskScheduler core) {
        this.units = units;
        this.core = core;
    }

    void registerOn(MqttBridge bridge) {
        bridge.route("unit/add", r -> change(r, Set.of("unit"), () -> units.add(r.body().path("unit"))));
        bridge.route("unit/update", r -> withId(r, Set.of("set"), id -> units.update(id, r.body().path("set"))));
        bridge.route("unit/leave", this::leave);
        bridge.route("unit/return", r -> withId(r, Set.of(), units::returnFromLeave));
        bridge.route("unit/deactivate", r -> withId(r, Set.of(), units::deactivate));
        bridge.route("unit/activate", r -> withId(r, Set.of(), units::activate));
        bridge.route("unit/get", this::get);
        bridge.route("unit/list", this::list);
    }

    private CompletionStage<Reply> leave(Request request) {
        JsonNode until = request.body().get("until");
        Instant parsed = null;
        if (until != null && !until.isNull()) {
            try {
                parsed = Instant.parse(until.asText());
            } catch (DateTimeParseException e) {
                return reply(invalid("'until' must be an ISO-8601 instant such as 2026-12-05T08:00:00Z"));
            }
        }
        Instant end = parsed;
        return withId(request, Set.of("until"), id -> units.leave(id, end));
    }

    private CompletionStage<Reply> get(Request request) {
        String problem = unknownFields(request.body(), Set.of("unit_id"));
        String id = unitId(request.body());
        if (problem != null || id == null) {
            return reply(invalid(problem != null ? problem : "'unit_id' (string) is required"));
        }
        return onCore(() -> units.get(id).map(v -> Reply.ok(v.toJson()))
                .orElseGet(() -> notFound(id)));
    }

    private CompletionStage<Reply> list(Request request) {
        ObjectNode body = request.body();
        List<String> problems = new ArrayList<>();
        String unknown = unknownFields(body, Set.of("street", "class", "lifecycle", "limit", "offset"));
        if (unknown != null) {
            problems.add(unknown);
        }
        String street = optionalText(body, "street", problems);
        String unitClass = optionalText(body, "class", problems);
        String lifecycle = optionalText(body, "lifecycle", problems);
        if (lifecycle != null && Set.of(Lifecycle.values()).stream().noneMatch(l -> l.wireName().equals(lifecycle))) {
            problems.add("'lifecycle' must be active, on_leave or deactivated");
        }
        int limit = whole(body, "limit", LIST_DEFAULT, 1, LIST_MAX, problems);
        int offset = whole(body, "offset", 0, 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            return reply(invalid(String.join("; ", problems)));
        }
        return onCore(() -> {
            List<UnitView> matching = units.list().stream()
                    .filter(v -> street == null || v.unit().street().equals(street))
                    .filter(v -> unitClass == null || v.unit().unitClass().name().equalsIgnoreCase(unitClass))
                    .filter(v -> lifecycle == null || v.unit().lifecycle().wireName().equals(lifecycle))
                    .toList();
            ObjectNode data = MqttJson.object();
            data.put("total", matching.size());
            data.put("offset", offset);
            ArrayNode items = data.putArray("units");
            matching.stream().skip(offset).limit(limit).forEach(v -> items.add(v.toJson()));
            return Reply.ok(data);
        });
    }

    private CompletionStage<Reply> withId(Request request, Set<String> extra, Function<String,
            CompletableFuture<UnitOutcome>> action) {
        Set<String> allowed = new java.util.HashSet<>(extra);
        allowed.add("unit_id");
        String id = unitId(request.body());
        if (id == null) {
            String problem = unknownFields(request.body(), allowed);
            return reply(invalid((problem == null ? "" : problem + "; ") + "'unit_id' (string) is required"));
        }
        return change(request, allowed, () -> action.apply(id));
    }

    private CompletionStage<Reply> change(Request request, Set<String> allowed,
                                          Supplier<CompletableFuture<UnitOutcome>> action) {
        Set<String> fields = new java.util.HashSet<>(allowed);
        fields.add("transaction");
        String problem = unknownFields(request.body(), fields);
        if (problem != null) {
            return reply(invalid(problem));
        }
        return CompletableFuture.supplyAsync(action, core).thenCompose(f -> f).thenApply(UnitRequests::toReply);
    }

    private static Reply toReply(UnitOutcome outcome) {
        if (outcome instanceof UnitOutcome.Done done) {
            return Reply.ok(done.view().toJson());
        } else if (outcome instanceof UnitOutcome.Refused refused) {
            return invalid(String.join("; ", refused.problems()));
        } else if (outcome instanceof UnitOutcome.Unknown unknown) {
            return notFound(unknown.unitId());
        }
        return Reply.error(ErrorCodes.INTERNAL_ERROR, ((UnitOutcome.Failed) outcome).reason());
    }

    private CompletionStage<Reply> onCore(Supplier<Reply> work) {
        return CompletableFuture.supplyAsync(work, core);
    }

    private static CompletionStage<Reply> reply(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static String unitId(JsonNode body) {
        JsonNode id = body.get("unit_id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private static String unknownFields(JsonNode body, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field) && !field.equals("transaction")) {
                unknown.add("'" + (field.length() > 40 ? field.substring(0, 40) + "…" : field) + "'");
            }
        }
        return unknown.isEmpty() ? null : "unknown field" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + "; allowed: " + String.join(", ", allowed.stream().sorted().toList());
    }

    private static String optionalText(JsonNode body, String field, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add("'" + field + "' must be a string");
            return null;
        }
        return node.asText();
    }

    private static int whole(JsonNode body, String field, int fallback, int min, int max, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problems.add(String.format(Locale.ROOT, "'%s' must be a whole number in %d..%d", field, min, max));
            return fallback;
        }
        return node.asInt();
    }

    private static Reply invalid(String message) {
        return Reply.error(ErrorCodes.VALIDATION_FAILED, message);
    }

    private static Reply notFound(String id) {
        return Reply.error(ErrorCodes.NOT_FOUND, "unit '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                + "' is not in the registry");
    }
}
