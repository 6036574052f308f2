package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.MusterDefaults;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.muster.MusterRequest;
import dev.outpost.gateway.muster.MusterScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the JSON body of {@code muster/start} into a {@link MusterRequest}, filling gaps from the
 * config's muster defaults. Every problem is collected, so one reply names them all.
 */
final class MusterRequestParser {
    private static final Set<String> FIELDS = Set.of("transaction", "muster_id", "scope", "method",
            "attempt_timeout_ms", "retries", "deadline_ms", "late_window_ms", "prefer", "label", "allow_overlap",
            "talkgroup", "dispatcher_id");
    /** DMR radio ids and talkgroups are 24-bit; 0 and 16777215 (all call) address no one. */
    private static final long MAX_RADIO_ID = 16_777_214L;
    private static final Set<String> SCOPE_FIELDS = Set.of("type", "street", "class", "units");
    private static final int MAX_SHOWN_CHARS = 40;

    private final java.util.function.Supplier<MusterDefaults> liveDefaults;

    /** @param liveDefaults read for every request, so a reload (SIGHUP) changes them */
    MusterRequestParser(java.util.function.Supplier<MusterDefaults> liveDefaults) {
        this.liveDefaults = liveDefaults;
    }

    /** The request, or the list of problems found (never both). */
    Result parse(ObjectNode body) {
        MusterDefaults defaults = liveDefaults.get(); // one set for the whole request, even mid-reload
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + cut(name) + "'; known fields: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Optional<String> musterId = optionalText(body, "muster_id", problems);
        MusterScope scope = scope(body.get("scope"), problems);
        CallMethod method = method(body, defaults, problems);
        Duration attemptTimeout = millis(body, "attempt_timeout_ms", defaults.attemptTimeout(), problems);
        int retries = integer(body, "retries", defaults.retries(), problems);
        Duration deadline = millis(body, "deadline_ms", defaults.deadline(), problems);
        // No late window at all is a valid choice (as in the config); the other durations must be positive.
        Duration lateWindow = millis(body, "late_window_ms", defaults.lateWindow(), 0, problems);
        List<String> prefer = textList(body, "prefer", defaults.prefer(), problems);
        String label = optionalText(body, "label", problems).orElse("");
        boolean allowOverlap = false;
        JsonNode overlap = body.get("allow_overlap");
        if (overlap != null && !overlap.isNull()) {
            if (overlap.isBoolean()) {
                allowOverlap = overlap.booleanValue();
            } else {
                problems.add("'allow_overlap' must be true or false, not " + shown(overlap));
            }
        }
        Optional<Integer> talkgroup = radioId(body, "talkgroup", problems);
        Optional<Integer> dispatcherId = radioId(body, "dispatcher_id", problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new MusterRequest(musterId, scope, method, attemptTimeout, retries, deadline,
                lateWindow, prefer, label, allowOverlap, talkgroup, dispatcherId)), List.of());
    }

    record Result(Optional<MusterRequest> request, List<String> problems) {
    }

    private static MusterScope scope(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            return new MusterScope.All();
        }
        if (!node.isObject()) {
            problems.add("'scope' must be an object such as {\"type\":\"street\",\"street\":\"Shipai\"}");
            return new MusterScope.All();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SCOPE_FIELDS.contains(name)) {
                problems.add("unknown field 'scope." + cut(name) + "'; known: type, street, class, units");
            }
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            problems.add("'scope.type' must be one of all, street, class, units");
            return new MusterScope.All();
        }
        switch (type.asText()) {
            case "all":
                return new MusterScope.All();
            case "street": {
                JsonNode street = node.get("street");
                if (street == null || !street.isTextual() || street.asText().isBlank()) {
                    problems.add("'scope.street' must be a street name when scope.type is street");
                    return new MusterScope.All();
                }
                return new MusterScope.Street(street.asText());
            }
            case "class": {
                JsonNode cls = node.get("class");
                if (cls == null || !cls.isTextual() || !cls.asText().matches("[ABCDabcd]")) {
                    problems.add("'scope.class' must be one of A, B, C, D when scope.type is class");
                    return new MusterScope.All();
                }
                return new MusterScope.ByClass(UnitClass.valueOf(cls.asText().toUpperCase(Locale.ROOT)));
            }
            case "units": {
                JsonNode units = node.get("units");
                if (units == null || !units.isArray() || units.isEmpty()) {
                    problems.add("'scope.units' must be a non-empty array of unit ids when scope.type is units");
                    return new MusterScope.All();
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode u : units) {
                    if (!u.isTextual() || u.asText().isBlank()) {
                        problems.add("'scope.units' must contain only unit id strings, found " + shown(u));
                    } else {
                        ids.add(u.asText());
                    }
                }
                return new MusterScope.Units(ids);
            }
            default:
                problems.add("'scope.type' must be one of all, street, class, units, not '" + cut(type.asText()) + "'");
                return new MusterScope.All();
        }
    }

    private static CallMethod method(ObjectNode body, MusterDefaults defaults, List<String> problems) {
        JsonNode node = body.get("method");
        CallMethod fallback = CallMethod.valueOf(defaults.method().name());
        if (node == null || node.isNull()) {
            return fallback;
        }
        String text = node.isTextual() ? node.asText().toLowerCase(Locale.ROOT) : "";
        for (CallMethod m : CallMethod.values()) {
            if (m.wireName().equals(text)) {
                return m;
            }
        }
        problems.add("'method' must be one of poll, confirm, voice, not " + shown(node));
        return fallback;
    }

    private static Duration millis(ObjectNode body, String field, Duration fallback, List<String> problems) {
        return millis(body, field, fallback, 1, problems);
    }

    private static Duration millis(ObjectNode body, String field, Duration fallback, long min, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!isLong(node) || node.asLong() < min || node.asLong() > Duration.ofDays(1).toMillis()) {
            problems.add("'" + field + "' must be a whole number of milliseconds between " + min
                    + " and 86400000, not " + shown(node));
            return fallback;
        }
        return Duration.ofMillis(node.asLong());
    }

    private static int integer(ObjectNode body, String field, int fallback, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!isLong(node) || node.asLong() < 0 || node.asLong() > 100) {
            problems.add("'" + field + "' must be a whole number between 0 and 100, not " + shown(node));
            return fallback;
        }
        return node.asInt();
    }

    /** A DMR talkgroup or radio id, for voice musters over DMR. */
    private static Optional<Integer> radioId(ObjectNode body, String field, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!isLong(node) || node.asLong() < 1 || node.asLong() > MAX_RADIO_ID) {
            problems.add("'" + field + "' must be a whole number between 1 and " + MAX_RADIO_ID + ", not "
                    + shown(node));
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    private static Optional<String> optionalText(ObjectNode body, String field, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add("'" + field + "' must be a string, not " + shown(node));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private static List<String> textList(ObjectNode body, String field, List<String> fallback, List<String> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            problems.add("'" + field + "' must be an array of link ids, not " + shown(node));
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                problems.add("'" + field + "' must contain only link id strings, found " + shown(n));
            } else {
                out.add(n.asText());
            }
        }
        return out;
    }

    /** An integer that fits a long: asLong() would silently wrap 18446744073709551616 to 0. */
    private static boolean isLong(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    /** The offending value as JSON, cut short: an error names the problem, it does not echo a huge payload. */
    private static String shown(JsonNode node) {
        return cut(node.toString());
    }

    private static String cut(String text) {
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }
}
