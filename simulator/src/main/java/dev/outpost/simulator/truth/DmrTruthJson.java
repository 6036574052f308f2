package dev.outpost.simulator.truth;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The DMR lines of the ground truth (docs/simulator.md, "DMR ground truth"). */
final class DmrTruthJson {
    private DmrTruthJson() {
    }

    static void fill(ObjectNode node, TruthEntry entry) {
        if (entry instanceof TruthEntry.DmrDelivered d) {
            where(node.put("type", "dmr_call").put("call_id", d.callId()), d.unitId(), d.dmrId(), d.kind(),
                    d.peerId(), d.slot())
                    .put("arrived_mono_ns", d.arrivedMonoNanos()).put("air_start_mono_ns", d.airStartMonoNanos())
                    .put("reach_mono_ns", d.reachMonoNanos());
        } else if (entry instanceof TruthEntry.DmrReplied r) {
            where(node.put("type", "dmr_reply").put("call_id", r.callId()), r.unitId(), r.dmrId(), r.kind(),
                    r.peerId(), r.slot())
                    .put("reach_mono_ns", r.reachMonoNanos()).put("air_start_mono_ns", r.airStartMonoNanos())
                    .put("sent_mono_ns", r.sentMonoNanos()).put("sent_wall", r.sentWall().toString())
                    .put("delay_ns", r.delayNanos());
        } else if (entry instanceof TruthEntry.DmrKeyUp k) {
            where(node.put("type", "dmr_key_up"), k.unitId(), k.dmrId(), k.kind(), k.peerId(), k.slot())
                    .put("destination", k.destination()).put("stream_id", k.streamId())
                    .put("air_start_mono_ns", k.airStartMonoNanos()).put("air_end_mono_ns", k.airEndMonoNanos())
                    .put("bursts", k.bursts()).put("outcome", k.outcome());
        } else if (entry instanceof TruthEntry.DmrCollision c) {
            where(node.put("type", "dmr_collision"), c.unitId(), c.dmrId(), c.kind(), c.peerId(), c.slot())
                    .put("air_start_mono_ns", c.airStartMonoNanos()).put("air_end_mono_ns", c.airEndMonoNanos())
                    .putArray("with_dmr_ids").addAll(c.withDmrIds().stream()
                            .map(id -> node.numberNode(id.intValue())).toList());
        }
    }

    private static ObjectNode where(ObjectNode node, String unitId, int dmrId, String kind, long peerId, int slot) {
        return node.put("unit_id", unitId).put("dmr_id", dmrId).put("kind", kind).put("peer_id", peerId)
                .put("slot", slot);
    }
}
