package dev.outpost.gateway.linkage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.muster.MusterAck;
import dev.outpost.gateway.muster.MusterListener;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Linkage drills in progress: "one point calls, one line responds, one area gathers". For each drill it remembers the
 * selection, times each unit's ack and, where the unit reports an "arrived" status, its gathering; when the muster
 * ends it produces the drill report (every unit's distance to its point, per line the time to the first, fifth and
 * last ack). Confined to the core thread.
 */
public final class LinkageDrills implements MusterListener {
    /** The status text that means a unit has gathered at its point (case-insensitive). */
    public static final String ARRIVED = "arrived";

    private final Map<String, Drill> drills = new HashMap<>();
    private final BiConsumer<String, ObjectNode> publish;

    /** @param publish receives (muster id, drill report) when a drill ends */
    public LinkageDrills(BiConsumer<String, ObjectNode> publish) {
        this.publish = publish;
    }

    /** Call when the drill's muster has started. */
    public void started(String musterId, LinkageArea area, Instant startedAt) {
        drills.put(musterId, new Drill(area, startedAt));
    }

    /** Unit events: an "arrived" status from a drill's unit after its start is that unit's gathering. */
    public void onEvent(UnitEvent event) {
        if (!(event.payload() instanceof EventPayload.Status status) || event.unitId().isEmpty()
                || status.status() == null || !status.status().toLowerCase(Locale.ROOT).equals(ARRIVED)) {
            return;
        }
        for (Drill drill : drills.values()) {
            String unit = event.unitId().get();
            if (drill.members.containsKey(unit) && !event.receivedAt().isBefore(drill.startedAt)) {
                drill.gathered.putIfAbsent(unit, Duration.between(drill.startedAt, event.receivedAt()));
            }
        }
    }

    @Override
    public void onAck(MusterAck ack) {
        Drill drill = drills.get(ack.musterId());
        if (drill != null && ack.ackAt() != null) {
            drill.acked.putIfAbsent(ack.unitId(), Duration.between(drill.startedAt, ack.ackAt()));
        }
    }

    @Override
    public void onFinished(MusterReport report) {
        Drill drill = drills.remove(report.musterId());
        if (drill != null) {
            publish.accept(report.musterId(), report(drill, report));
        }
    }

    private static ObjectNode report(Drill drill, MusterReport report) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("muster_id", report.musterId());
        ArrayNode points = out.putArray("points");
        drill.area.pointUnitIds().forEach(points::add);
        out.put("k", drill.area.k());
        Map<String, String> outcomes = new HashMap<>();
        for (ReportRow row : report.rows()) {
            outcomes.put(row.unitId(), row.outcome().wireName());
        }
        ArrayNode units = out.putArray("units");
        for (LinkedUnit u : drill.area.units()) {
            ObjectNode n = units.addObject();
            n.put("unit_id", u.unitId());
            n.put("point", u.pointUnitId());
            n.put("distance_m", Math.round(u.distanceMetres() * 10) / 10.0);
            n.put("outcome", outcomes.getOrDefault(u.unitId(), "unknown"));
            putMillis(n, "ack_after_ms", drill.acked.get(u.unitId()));
            putMillis(n, "gathered_after_ms", drill.gathered.get(u.unitId()));
        }
        ArrayNode lines = out.putArray("lines");
        for (LinkageLine line : drill.area.lines()) {
            ObjectNode n = lines.addObject();
            n.put("point", line.pointUnitId());
            n.put("units", line.units().size());
            List<Duration> times = new ArrayList<>();
            line.units().forEach(u -> {
                Duration t = drill.acked.get(u.unitId());
                if (t != null) {
                    times.add(t);
                }
            });
            times.sort(Duration::compareTo);
            n.put("acked", times.size());
            putMillis(n, "first_ack_ms", times.isEmpty() ? null : times.get(0));
            putMillis(n, "fifth_ack_ms", times.size() < 5 ? null : times.get(4));
            putMillis(n, "last_ack_ms", times.isEmpty() ? null : times.get(times.size() - 1));
            long gathered = line.units().stream().filter(u -> drill.gathered.containsKey(u.unitId())).count();
            n.put("gathered", gathered);
        }
        ArrayNode skipped = out.putArray("skipped");
        for (SkippedUnit s : drill.area.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("unit_id", s.unitId());
            n.put("point", s.pointUnitId());
            n.put("lifecycle", s.lifecycle().wireName());
            n.put("distance_m", Math.round(s.distanceMetres() * 10) / 10.0);
        }
        out.put("without_position", drill.area.unpositioned());
        return out;
    }

    private static void putMillis(ObjectNode n, String field, Duration d) {
        if (d == null) {
            n.putNull(field);
        } else {
            n.put(field, d.toNanos() / 1_000_000.0);
        }
    }

    private static final class Drill {
        final LinkageArea area;
        final Instant startedAt;
        final Map<String, LinkedUnit> members = new HashMap<>();
        final Map<String, Duration> acked = new HashMap<>();
        final Map<String, Duration> gathered = new HashMap<>();

        Drill(LinkageArea area, Instant startedAt) {
            this.area = area;
            this.startedAt = startedAt;
            area.units().forEach(u -> members.put(u.unitId(), u));
        }
    }
}
