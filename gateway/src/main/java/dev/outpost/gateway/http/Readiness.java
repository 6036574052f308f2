package dev.outpost.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /readyz}: ready when every link is up and the journal takes writes. The broker does not count: the
 * gateway keeps working without it (durable messages wait in the outbox), which {@code /metrics} shows.
 *
 * @param notReady one line per reason, empty when ready
 */
public record Readiness(boolean ready, List<String> notReady, ObjectNode json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Readiness of(GatewayStatus status) {
        List<String> problems = new ArrayList<>();
        ObjectNode json = MAPPER.createObjectNode();
        ObjectNode links = json.putObject("links");
        for (LinkStatus link : status.links()) {
            links.put(link.linkId(), link.state().wireName());
            if (link.state() != LinkState.UP) {
                problems.add("link " + link.linkId() + " is " + link.state().wireName()
                        + (link.detail() == null ? "" : " (" + link.detail() + ")"));
            }
        }
        json.put("journal", status.journal().writable() ? "writable" : "not writable");
        if (!status.journal().writable()) {
            problems.add("journal is not writable: " + status.journal().detail());
        }
        json.put("mqtt", status.mqttConnected() ? "connected" : "disconnected");
        json.put("ready", problems.isEmpty());
        ArrayNode reasons = json.putArray("not_ready");
        problems.forEach(reasons::add);
        return new Readiness(problems.isEmpty(), List.copyOf(problems), json);
    }

    public HttpReply reply() {
        try {
            return HttpReply.of(ready ? 200 : 503, HttpReply.JSON, MAPPER.writeValueAsString(json) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
