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
            UnitEvent e = a.event();
            n.put("event_id", e.eventId());
            n.put("unit_id", e.unitId().orElse(null));
            n.put("bearer", e.bearer().name());
            n.put("address", e.address());
            n.put("link_id", e.linkId());
            n.put("received_offset_ns", e.receivedNanos());
            n.put("received_at", e.receivedAt().toString());
            n.put("call_ref", ack.callRef());
            n.put("status", ack.status());
            n.put("staff", ack.staff());
        } else {
            return null;
        }
        return n.toString();
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
            case "ack" -> new MusterInput.Ack(atOffset, new UnitEvent(n.path("event_id").asText(),
                    Optional.ofNullable(n.path("unit_id").textValue()), Bearer.valueOf(n.path("bearer").asText()),
                    n.path("address").asText(), n.path("link_id").asText(), n.path("received_offset_ns").asLong(),
                    Instant.parse(n.path("received_at").asText()), new EventPayload.Ack(n.path("call_ref").textValue(),
                    n.path("status").textValue(), n.path("staff").isNumber() ? n.path("staff").intValue() : null)));
            default -> throw new IllegalArgumentException("unknown muster input kind '" + kind + "'");
        };
    }
}
