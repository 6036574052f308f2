package dev.outpost.gateway.muster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.TalkgroupVoiceLink.TalkgroupVoice;
import dev.outpost.gateway.muster.MusterChannels;
import dev.outpost.gateway.muster.MusterLink;
import dev.outpost.gateway.muster.MusterRequest;
import dev.outpost.gateway.muster.MusterScope;
import dev.outpost.gateway.units.UnitJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The journal's JSON forms of a muster's start: its request, its links and its units. They are written once and read
 * back after a restart, possibly by a newer Outpost, so field names are fixed here by hand (never derived from Java
 * names) and durations are kept in nanoseconds, exactly, because a replay must reproduce every timer.
 */
final class StoredForms {
    static final ObjectMapper JSON = new ObjectMapper();

    private StoredForms() {
    }

    static String request(MusterRequest r) {
        ObjectNode n = JSON.createObjectNode();
        r.musterId().ifPresent(id -> n.put("muster_id", id));
        ObjectNode scope = n.putObject("scope");
        if (r.scope() instanceof MusterScope.All) {
            scope.put("type", "all");
        } else if (r.scope() instanceof MusterScope.Street s) {
            scope.put("type", "street").put("street", s.street());
        } else if (r.scope() instanceof MusterScope.ByClass c) {
            scope.put("type", "class").put("class", c.unitClass().name());
        } else if (r.scope() instanceof MusterScope.Units u) {
            ArrayNode ids = scope.put("type", "units").putArray("units");
            u.unitIds().forEach(ids::add);
        }
        n.put("method", r.method().name());
        n.put("attempt_timeout_ns", r.attemptTimeout().toNanos());
        n.put("retries", r.retries());
        n.put("deadline_ns", r.deadline().toNanos());
        n.put("late_window_ns", r.lateWindow().toNanos());
        ArrayNode prefer = n.putArray("prefer");
        r.preferLinks().forEach(prefer::add);
        n.put("label", r.label());
        n.put("allow_overlap", r.allowOverlap());
        r.talkgroup().ifPresent(tg -> n.put("talkgroup", tg));
        r.dispatcherId().ifPresent(id -> n.put("dispatcher_id", id));
        return n.toString();
    }

    static MusterRequest request(JsonNode n) {
        JsonNode scope = n.path("scope");
        MusterScope s = switch (scope.path("type").asText()) {
            case "all" -> new MusterScope.All();
            case "street" -> new MusterScope.Street(scope.path("street").asText());
            case "class" -> new MusterScope.ByClass(UnitClass.valueOf(scope.path("class").asText()));
            case "units" -> new MusterScope.Units(texts(scope.path("units")));
            default -> throw new IllegalArgumentException("unknown scope type: " + scope);
        };
        return new MusterRequest(Optional.ofNullable(n.path("muster_id").textValue()), s,
                CallMethod.valueOf(n.path("method").asText()), Duration.ofNanos(n.path("attempt_timeout_ns").asLong()),
                n.path("retries").asInt(), Duration.ofNanos(n.path("deadline_ns").asLong()),
                Duration.ofNanos(n.path("late_window_ns").asLong()), texts(n.path("prefer")), n.path("label").asText(),
                n.path("allow_overlap").asBoolean(false), whole(n.path("talkgroup")),
                whole(n.path("dispatcher_id")));
    }

    static String links(List<MusterLink> links) {
        ArrayNode array = JSON.createArrayNode();
        for (MusterLink l : links) {
            ObjectNode n = array.addObject();
            n.put("link_id", l.linkId());
            n.put("bearer", l.bearer().name());
            n.put("calls_per_second", l.pacing().callsPerSecond());
            n.put("max_batch", l.pacing().maxBatch());
            n.put("max_in_flight", l.pacing().maxInFlight());
            n.put("up", l.up());
            ArrayNode methods = n.putArray("methods");
            l.methods().stream().sorted().forEach(m -> methods.add(m.name()));
            if (!l.channels().isEmpty()) {
                n.set("channels", channels(l.channels()));
            }
            l.group().ifPresent(group -> n.put("group", group));
            l.talkgroupVoice().ifPresent(v -> {
                ObjectNode voice = n.putObject("talkgroup_voice");
                v.dispatcherId().ifPresent(id -> voice.put("dispatcher_id", id));
                v.talkgroup().ifPresent(tg -> voice.put("talkgroup", tg));
            });
        }
        return array.toString();
    }

    static List<MusterLink> links(JsonNode array) {
        List<MusterLink> out = new ArrayList<>();
        for (JsonNode n : array) {
            Set<CallMethod> methods = EnumSet.noneOf(CallMethod.class);
            texts(n.path("methods")).forEach(m -> methods.add(CallMethod.valueOf(m)));
            out.add(new MusterLink(n.path("link_id").asText(), Bearer.valueOf(n.path("bearer").asText()),
                    pacing(n), n.path("up").asBoolean(), methods,
                    channels(n.path("channels")), Optional.ofNullable(n.path("group").textValue()),
                    talkgroupVoice(n.path("talkgroup_voice"))));
        }
        return out;
    }

    /** {@code {"pacing": {channel: {...}}, "units": {unit id: channel}}}; musters stored before channels have none. */
    private static ObjectNode channels(MusterChannels c) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode pacing = n.putObject("pacing");
        c.pacing().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> pacing.putObject(e.getKey())
                .put("calls_per_second", e.getValue().callsPerSecond()).put("max_batch", e.getValue().maxBatch())
                .put("max_in_flight", e.getValue().maxInFlight()));
        ObjectNode units = n.putObject("units");
        c.unitLanes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> units.put(e.getKey(), e.getValue()));
        return n;
    }

    private static MusterChannels channels(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return MusterChannels.NONE;
        }
        Map<String, Pacing> pacing = new LinkedHashMap<>();
        n.path("pacing").fields().forEachRemaining(e -> pacing.put(e.getKey(), pacing(e.getValue())));
        Map<String, String> units = new LinkedHashMap<>();
        n.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asText()));
        return new MusterChannels(pacing, units);
    }

    /** Links stored before voice over talkgroups, and links without it, have none. */
    private static Optional<TalkgroupVoice> talkgroupVoice(JsonNode n) {
        return n.isObject()
                ? Optional.of(new TalkgroupVoice(whole(n.path("dispatcher_id")), whole(n.path("talkgroup"))))
                : Optional.empty();
    }

    private static Optional<Integer> whole(JsonNode n) {
        return n.isIntegralNumber() ? Optional.of(n.intValue()) : Optional.empty();
    }

    private static Pacing pacing(JsonNode n) {
        return new Pacing(n.path("calls_per_second").asDouble(), n.path("max_batch").asInt(),
                n.path("max_in_flight").asInt());
    }

    static String unit(Unit u) {
        return UnitJson.toJson(u).toString();
    }

    static Unit unit(JsonNode n) {
        return UnitJson.fromJson(n);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

}
