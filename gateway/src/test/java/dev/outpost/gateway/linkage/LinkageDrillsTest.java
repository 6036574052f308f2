package dev.outpost.gateway.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gathering times come from "arrived" statuses of the drill's units after its start, and nothing else. */
class LinkageDrillsTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static UnitEvent status(String unit, String text, Instant at) {
        return new UnitEvent("e-" + unit + at.toEpochMilli(), Optional.of(unit), Bearer.TETRA, unit, "pei", 0, at,
                new EventPayload.Status(text));
    }

    @Test
    void gatheringIsTimedFromTheDrillStartForItsUnitsOnly() {
        List<String> published = new ArrayList<>();
        List<ObjectNode> reports = new ArrayList<>();
        LinkageDrills drills = new LinkageDrills((id, report) -> {
            published.add(id);
            reports.add(report);
        });
        LinkageLine line = new LinkageLine("P", 2, List.of(new LinkedUnit("A", "P", 100), new LinkedUnit("B", "P", 250)),
                List.of(), 0);
        drills.started("m1", new LinkageArea(List.of("P"), 2, List.of(line), line.units(), List.of(), 0), T0);

        drills.onEvent(status("A", "arrived", T0.minusSeconds(5)));   // before the drill: not this gathering
        drills.onEvent(status("A", "Arrived", T0.plusSeconds(90)));
        drills.onEvent(status("B", "on patrol", T0.plusSeconds(30)));  // not an arrival
        drills.onEvent(status("C", "arrived", T0.plusSeconds(20)));    // not in the drill

        // The muster ends with an empty report: only the drill's own figures are looked at here.
        drills.onFinished(new dev.outpost.gateway.muster.report.MusterReport(1,
                new dev.outpost.gateway.muster.report.ReportContext("m1", "", "units:2", "confirm", "finished", T0,
                        T0.plusSeconds(120), 120_000, null), null, null, List.of()));
        assertEquals(List.of("m1"), published);
        JsonNode units = reports.get(0).path("units");
        assertEquals(90_000.0, units.get(0).path("gathered_after_ms").asDouble());
        assertTrue(units.get(1).path("gathered_after_ms").isNull());
        assertEquals(1, reports.get(0).path("lines").get(0).path("gathered").asInt());
    }
}
