package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.MusterDefaults;
import dev.outpost.gateway.muster.MusterRejected;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.MusterView;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.mqtt.ErrorCodes;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.Reply;
import dev.outpost.gateway.mqtt.Request;
import dev.outpost.gateway.time.TaskScheduler;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.muster.journal.MusterArchive;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@code muster/*} request handlers. They run on the MQTT executor and hop onto the core
 * thread, which owns every muster, for the work itself.
 */
final class MusterRequests {
    /** Finished musters listed from the journal at most (newest first), besides the ones in memory. */
    static final int LIST_LIMIT = 50;
    private final MusterService musters;
    private final TaskScheduler core;
    private final MusterRequestParser parser;
    private final MusterReportWriter json;

    private final MusterArchive archive;

    MusterRequests(MusterService musters, TaskScheduler core, java.util.function.Supplier<MusterDefaults> defaults, MusterReportWriter json,
                   MusterArchive archive) {
        this.archive = archive;
        this.musters = musters;
        this.core = core;
        this.parser = new MusterRequestParser(defaults);
        this.json = json;
    }

    void registerOn(MqttBridge bridge) {
        bridge.route("muster/start", this::start);
        bridge.route("muster/cancel", this::cancel);
        bridge.route("muster/get", this::get);
        bridge.route("muster/list", this::list);
    }

    private CompletionStage<Reply> start(Request request) {
        MusterRequestParser.Result parsed = parser.parse(request.body());
        if (parsed.request().isEmpty()) {
            return CompletableFuture.completedFuture(invalid(String.join("; ", parsed.problems())));
        }
        return onCore(() -> {
            try {
                MusterSnapshot started = musters.start(parsed.request().get());
                return Reply.ok(tree(started));
            } catch (MusterRejected e) {
                return invalid(String.join("; ", e.problems()));
            }
        });
    }

    private CompletionStage<Reply> cancel(Request request) {
        String id = musterId(request);
        if (id == null) {
            return CompletableFuture.completedFuture(invalid("'muster_id' (string) is required"));
        }
        return onCore(() -> musters.cancel(id)
                ? Reply.ok(idData(id))
                : notFound(id, "is not running"));
    }

    private CompletionStage<Reply> get(Request request) {
        String id = musterId(request);
        if (id == null) {
            return CompletableFuture.completedFuture(invalid("'muster_id' (string) is required"));
        }
        return onCore(() -> musters.get(id)
                .map(view -> Reply.ok(view instanceof MusterView.Done done
                        ? withKind("report", tree(done.report()))
                        : withKind("running", tree(((MusterView.Live) view).snapshot()))))
                .orElseGet(() -> fromArchive(id)));
    }

    private CompletionStage<Reply> list(Request request) {
        return onCore(() -> {
            ObjectNode data = MqttJson.object();
            ArrayNode items = data.putArray("musters");
            Set<String> listed = new HashSet<>();
            musters.list().forEach(s -> {
                listed.add(s.musterId());
                items.add(tree(s));
            });
            try {
                archive.finishedSnapshots(LIST_LIMIT).stream()
                        .filter(s -> !listed.contains(s.path("muster_id").asText())).forEach(items::add);
            } catch (JournalException e) {
                data.put("warning", "older musters could not be read from the journal: " + e.getMessage());
            }
            return Reply.ok(data);
        });
    }

    private Reply fromArchive(String id) {
        try {
            return archive.report(id).map(report -> Reply.ok(withKind("report", report)))
                    .orElseGet(() -> notFound(id, "is not known"));
        } catch (JournalException e) {
            return Reply.error(ErrorCodes.INTERNAL_ERROR, "muster '" + id + "' could not be read from the journal: "
                    + e.getMessage());
        }
    }

    private CompletionStage<Reply> onCore(Supplier<Reply> work) {
        return CompletableFuture.supplyAsync(work, core);
    }

    private static String musterId(Request request) {
        JsonNode id = request.body().get("muster_id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private ObjectNode tree(Object musterRecord) {
        return json.toTree(musterRecord);
    }

    private static ObjectNode withKind(String kind, ObjectNode data) {
        ObjectNode out = MqttJson.object();
        out.put("kind", kind);
        out.setAll(data);
        return out;
    }

    private static ObjectNode idData(String id) {
        ObjectNode data = MqttJson.object();
        data.put("muster_id", id);
        return data;
    }

    private static Reply invalid(String message) {
        return Reply.error(ErrorCodes.VALIDATION_FAILED, message);
    }

    private static Reply notFound(String id, String why) {
        return Reply.error(ErrorCodes.NOT_FOUND, "muster '" + id + "' " + why);
    }
}
