package dev.outpost.gateway.muster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.muster.MusterInput;
import java.time.Instant;
import java.util.Optional;

/** The journal's form of a {@link MusterInput}: a kind, an offset, and a JSON body (see docs/journal.md). */
final class StoredInputs {
    private StoredInputs() {
    }

    static String kind(MusterInput input) {
        if (input instanceof MusterInput.Tick) {
            return "tick";
        } else if (input instanceof MusterInput.Receipt) {
            return "receipt";
        } else if (input instanceof MusterInput.CallFailed) {
            return "call_failed";
        } else if (input instanceof MusterInput.Ack) {
            return "ack";
        } else if (input instanceof MusterInput.Ptt) {
            return "ptt";
        }
        return "cancel";
    }

    /** The body, or null for inputs that carry nothing but their instant. */
    static String body(MusterInput input) {
        ObjectNode n = StoredForms.JSON.createObjectNode();
        if (input instanceof MusterInput.Receipt r) {
            CallReceipt receipt = r.receipt();
            n.put("call_ref", receipt.callRef());
            n.put("sent_offset_ns", receipt.sentNanos());
            n.put("sent_at", receipt.sentAt().toString());
            ArrayNode refused = n.putArray("refused");
            receipt.refused().forEach(refused::add);
        } else if (input instanceof MusterInput.CallFailed f) {
            n.put("call_ref", f.callRef());
            n.put("reason", f.reason());
        } else if (input instanceof MusterInput.Ack a && a.event().payload() instanceof EventPayload.Ack ack) {
            event(n, a.event());
            n.put("call_ref", ack.callRef());
            n.put("status", ack.status());
            n.put("staff", ack.staff());
        } else if (input instanceof MusterInput.Ptt p) {
            event(n, p.event());
            boolean start = p.event().payload() instanceof EventPayload.PttStart;
            n.put("ptt", start ? "start" : "end");
            n.put("stream_id", start ? ((EventPayload.PttStart) p.event().payload()).streamId()
                    : ((EventPayload.PttEnd) p.event().payload()).streamId());
            n.put("channel", start ? ((EventPayload.PttStart) p.event().payload()).channel()
                    : ((EventPayload.PttEnd) p.event().payload()).channel());
        } else {
            return null;
        }
        return n.toString();
    }

    /** What every event input keeps of its event: who, over which link, and when (as an offset). */
    private static void event(ObjectNode n, UnitEvent e) {
        n.put("event_id", e.eventId());
        n.put("unit_id", e.unitId().orElse(null));
        n.put("bearer", e.bearer().name());
        n.put("address", e.address());
        n.put("link_id", e.linkId());
        n.put("received_offset_ns", e.receivedNanos());
        n.put("received_at", e.receivedAt().toString());
    }

    private static UnitEvent event(JsonNode n, EventPayload payload) {
        return new UnitEvent(n.path("event_id").asText(), Optional.ofNullable(n.path("unit_id").textValue()),
                Bearer.valueOf(n.path("bearer").asText()), n.path("address").asText(), n.path("link_id").asText(),
                n.path("received_offset_ns").asLong(), Instant.parse(n.path("received_at").asText()), payload);
    }

    static MusterInput read(String kind, long atOffset, JsonNode n) {
        return switch (kind) {
            case "tick" -> new MusterInput.Tick(atOffset);
            case "cancel" -> new MusterInput.Cancel(atOffset);
            case "call_failed" -> new MusterInput.CallFailed(atOffset, n.path("call_ref").asText(),
                    n.path("reason").asText());
            case "receipt" -> new MusterInput.Receipt(atOffset, new CallReceipt(n.path("call_ref").asText(),
                    n.path("sent_offset_ns").asLong(), Instant.parse(n.path("sent_at").asText()),
                    StoredForms.texts(n.path("refused"))));
            case "ack" -> new MusterInput.Ack(atOffset, event(n, new EventPayload.Ack(n.path("call_ref").textValue(),
                    n.path("status").textValue(), n.path("staff").isNumber() ? n.path("staff").intValue() : null)));
            case "ptt" -> new MusterInput.Ptt(atOffset, event(n, n.path("ptt").asText().equals("start")
                    ? new EventPayload.PttStart(n.path("stream_id").asText(), n.path("channel").asText())
                    : new EventPayload.PttEnd(n.path("stream_id").asText(), n.path("channel").asText())));
            default -> throw new IllegalArgumentException("unknown muster input kind '" + kind + "'");
        };
    }
}
