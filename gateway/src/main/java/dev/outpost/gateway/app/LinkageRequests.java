package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.MusterDefaults;
import dev.outpost.gateway.linkage.LinkageArea;
import dev.outpost.gateway.linkage.LinkageDrills;
import dev.outpost.gateway.linkage.LinkageRejected;
import dev.outpost.gateway.linkage.LinkageSelector;
import dev.outpost.gateway.linkage.LinkedUnit;
import dev.outpost.gateway.muster.MusterRejected;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.mqtt.ErrorCodes;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.Reply;
import dev.outpost.gateway.mqtt.Request;
import dev.outpost.gateway.time.TaskScheduler;
import dev.outpost.gateway.units.UnitDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code linkage/start}: one point calls, one line responds, one area gathers. Selects the k nearest active units of
 * each point (docs/MUSTER.md "Linkage drills"), calls them with a muster (method {@code confirm} unless the request
 * says otherwise), and when it ends publishes the drill report on {@code muster/<id>/linkage}.
 */
final class LinkageRequests {
    private final MusterService musters;
    private final UnitDirectory units;
    private final LinkageDrills drills;
    private final TaskScheduler core;
    private final MusterRequestParser parser;
    private final MusterReportWriter json;

    LinkageRequests(MusterService musters, UnitDirectory units, LinkageDrills drills, TaskScheduler core,
                    java.util.function.Supplier<MusterDefaults> defaults, MusterReportWriter json) {
        this.musters = musters;
        this.units = units;
        this.drills = drills;
        this.core = core;
        this.parser = new MusterRequestParser(defaults);
        this.json = json;
    }

    void registerOn(MqttBridge bridge) {
        bridge.route("linkage/start", this::start);
    }

    private CompletionStage<Reply> start(Request request) {
        ObjectNode body = request.body();
        List<String> problems = new ArrayList<>();
        List<String> points = points(body, problems);
        int k = LinkageSelector.DEFAULT_K;
        JsonNode kNode = body.get("k");
        if (kNode != null && !kNode.isNull()) {
            if (!kNode.isIntegralNumber() || !kNode.canConvertToInt() || kNode.asInt() < 1
                    || kNode.asInt() > LinkageSelector.MAX_K) {
                problems.add("'k' must be a whole number in 1.." + LinkageSelector.MAX_K);
            } else {
                k = kNode.asInt();
            }
        }
        if (body.has("scope")) {
            problems.add("a linkage drill chooses its own units: leave out 'scope'");
        }
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(invalid(String.join("; ", problems)));
        }
        ObjectNode musterBody = body.deepCopy();
        musterBody.remove(List.of("points", "point", "k"));
        if (!musterBody.has("method")) {
            musterBody.put("method", "confirm");
        }
        if (!musterBody.has("label")) {
            musterBody.put("label", "linkage " + String.join("+", points) + " k=" + k);
        }
        int lineSize = k;
        return CompletableFuture.supplyAsync(() -> startOnCore(points, lineSize, musterBody), core);
    }

    private Reply startOnCore(List<String> points, int k, ObjectNode musterBody) {
        LinkageArea area;
        try {
            area = LinkageSelector.of(units.registry()).area(points, k);
        } catch (LinkageRejected rejected) {
            return invalid(String.join("; ", rejected.problems()));
        }
        if (area.units().isEmpty()) {
            return invalid("no active unit with a position is near " + String.join(", ", points));
        }
        ObjectNode scope = musterBody.putObject("scope");
        scope.put("type", "units");
        ArrayNode ids = scope.putArray("units");
        area.units().forEach(u -> ids.add(u.unitId()));
        MusterRequestParser.Result parsed = parser.parse(musterBody);
        if (parsed.request().isEmpty()) {
            return invalid(String.join("; ", parsed.problems()));
        }
        MusterSnapshot started;
        try {
            started = musters.start(parsed.request().get());
        } catch (MusterRejected rejected) {
            return invalid(String.join("; ", rejected.problems()));
        }
        drills.started(started.musterId(), area, started.startedAt());
        ObjectNode data = json.toTree(started);
        ArrayNode selected = data.putArray("linkage");
        for (LinkedUnit u : area.units()) {
            ObjectNode n = selected.addObject();
            n.put("unit_id", u.unitId());
            n.put("point", u.pointUnitId());
            n.put("distance_m", Math.round(u.distanceMetres() * 10) / 10.0);
        }
        data.put("skipped", area.skipped().size());
        return Reply.ok(data);
    }

    private static List<String> points(ObjectNode body, List<String> problems) {
        List<String> points = new ArrayList<>();
        JsonNode list = body.get("points");
        JsonNode one = body.get("point");
        if (list != null && list.isArray()) {
            list.forEach(p -> {
                if (p.isTextual() && !p.asText().isBlank()) {
                    points.add(p.asText());
                } else {
                    problems.add("'points' must hold unit ids (strings)");
                }
            });
        } else if (list != null) {
            problems.add("'points' must be an array of unit ids");
        }
        if (one != null && one.isTextual() && !one.asText().isBlank()) {
            points.add(one.asText());
        } else if (one != null) {
            problems.add("'point' must be a unit id (string)");
        }
        if (points.isEmpty() && problems.isEmpty()) {
            problems.add("give the point unit as 'point' (one) or 'points' (an area)");
        }
        if (points.size() > LinkageSelector.MAX_POINTS) {
            problems.add("at most " + LinkageSelector.MAX_POINTS + " points");
        }
        return points;
    }

    private static Reply invalid(String message) {
        return Reply.error(ErrorCodes.VALIDATION_FAILED, message);
    }

}
