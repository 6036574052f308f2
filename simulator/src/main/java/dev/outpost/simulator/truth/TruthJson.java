package dev.outpost.simulator.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders ground-truth entries as single-line JSON objects (format in docs/simulator.md). */
final class TruthJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TruthJson() {
    }

    static String line(TruthEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        if (entry instanceof TruthEntry.UnitTraits t) {
            node.put("type", "unit").put("unit_id", t.unitId()).put("user", t.user())
                    .put("online", t.online()).put("answering", t.answering());
        } else if (entry instanceof TruthEntry.CallReceived c) {
            node.put("type", "call").put("call_id", c.callId()).put("unit_id", c.unitId()).put("user", c.user())
                    .put("mode", c.mode()).put("recv_mono_ns", c.recvMonoNanos()).put("recv_wall", c.recvWall().toString());
        } else if (entry instanceof TruthEntry.CallRefused r) {
            node.put("type", "refused").put("call_id", r.callId()).put("unit_id", r.unitId()).put("user", r.user())
                    .put("reason", r.reason()).put("recv_mono_ns", r.recvMonoNanos()).put("recv_wall", r.recvWall().toString());
        } else if (entry instanceof TruthEntry.ReplySent s) {
            node.put("type", "reply").put("call_id", s.callId()).put("unit_id", s.unitId()).put("user", s.user())
                    .put("status", s.status()).put("recv_mono_ns", s.recvMonoNanos())
                    .put("send_mono_ns", s.sendMonoNanos()).put("send_wall", s.sendWall().toString())
                    .put("delay_ns", s.delayNanos()).put("planned_delay_ns", s.plannedDelayNanos());
            if (s.wireBytes() > 0) {
                node.put("wire_bytes", s.wireBytes()).put("byte_ns", s.byteNanos());
            }
        } else if (entry instanceof TruthEntry.KeyUp k) {
            node.put("type", "key_up").put("unit_id", k.unitId()).put("user", k.user()).put("status", k.status())
                    .put("send_mono_ns", k.sendMonoNanos()).put("send_wall", k.sendWall().toString())
                    .put("wire_bytes", k.wireBytes()).put("byte_ns", k.byteNanos());
        } else {
            DmrTruthJson.fill(node, entry);
        }
        return node.toString();
    }
}
