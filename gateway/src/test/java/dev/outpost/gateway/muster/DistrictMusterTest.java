package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.OutcomeTally;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole district (2,702 units: A 709, B 687, C 572, D 734 over 21 streets) in virtual time, with a
 * simulated world that answers each call after a known delay. Checks totals and that every measured
 * latency equals the simulated delay exactly.
 */
class DistrictMusterTest {
    private static final int[] CLASS_SIZES = {709, 687, 572, 734};

    private final ManualClock clock = new ManualClock(EPOCH);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final Map<String, Unit> byAddress = new HashMap<>();
    private final Map<String, Long> trueDelayNanos = new HashMap<>();
    private MusterService service;

    private static List<Unit> district() {
        List<Unit> units = new ArrayList<>();
        int n = 0;
        for (UnitClass unitClass : UnitClass.values()) {
            for (int i = 0; i < CLASS_SIZES[unitClass.ordinal()]; i++, n++) {
                boolean onPoc = n % 2 == 0;
                Lifecycle lifecycle = n % 97 == 0 ? Lifecycle.ON_LEAVE : n % 131 == 0 ? Lifecycle.DEACTIVATED
                        : Lifecycle.ACTIVE;
                units.add(new Unit(String.format("TH%04d", n), "Unit " + n, unitClass, "Street" + (n % 21), null, null,
                        onPoc ? null : 200_000 + n, null, null, onPoc ? "poc" + n : null, lifecycle, 6));
            }
        }
        return units;
    }

    /** 2 % never answer, 1 % answer 5 s after the call (too late for attempt 1, answering attempt 2), the rest in 0.2-3 s. */
    private void world(FakeLink link, CallRequest call) {
        for (String address : call.addresses()) {
            Unit unit = byAddress.get(link.bearer() + address);
            int n = Integer.parseInt(unit.unitId().substring(2));
            if (n % 50 == 7 || trueDelayNanos.containsKey(unit.unitId())) {
                continue;
            }
            long delay = n % 100 == 3 ? 5_000 * MS : (200 + (n * 37L) % 2_800) * MS + n;
            trueDelayNanos.put(unit.unitId(), delay);
            scheduler.schedule(delay, () -> service.onEvent(MusterFixtures.ack(unit.unitId(), link.bearer(), address,
                    link.id(), call.callRef(), clock.monotonicNanos())));
        }
    }

    @Test
    void wholeDistrictMusterHasConsistentTotalsAndExactLatencies() throws MusterRejected {
        List<Unit> units = district();
        assertEquals(2_702, units.size());
        units.forEach(u -> u.addresses().forEach((bearer, address) -> byAddress.put(bearer + address, u)));
        FakeLink dmr = new FakeLink("dmr1", Bearer.DMR, new Pacing(1 / 0.12, 1, 2), clock);
        FakeLink poc = new FakeLink("poc1", Bearer.POC, new Pacing(50, 10, 4), clock);
        dmr.onSent = call -> world(dmr, call);
        poc.onSent = call -> world(poc, call);
        RecordingListener listener = new RecordingListener();
        service = new MusterService(scheduler, clock, () -> new UnitRegistry(units), List.of(dmr, poc),
                link -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(3)), 50);

        service.start(new MusterRequest(Optional.empty(), new MusterScope.All(), CallMethod.POLL,
                Duration.ofSeconds(4), 1, Duration.ofMinutes(10), Duration.ofSeconds(30), List.of(), "district"));
        scheduler.advance(Duration.ofMinutes(15));

        assertEquals(1, listener.finished.size());
        MusterReport report = listener.finished.get(0);
        OutcomeTally t = report.summary().totals();
        long onLeave = units.stream().filter(u -> u.lifecycle() == Lifecycle.ON_LEAVE).count();
        long deactivated = units.stream().filter(u -> u.lifecycle() == Lifecycle.DEACTIVATED).count();
        assertEquals(2_702, t.targeted());
        assertEquals(onLeave, (long) t.excluded().get("on_leave"));
        assertEquals(deactivated, (long) t.excluded().get("deactivated"));
        assertEquals(t.targeted(), t.acked() + t.late() + t.noAnswer() + t.unreachable() + t.cancelled()
                + t.excluded().get("on_leave") + t.excluded().get("deactivated"));
        assertEquals(0, t.unreachable());
        assertEquals(0, t.late(), "5 s answers match attempt 2, which was still open");
        assertEquals(trueDelayNanos.size(), t.acked(), "every simulated answer was matched");
        assertEquals(t.called() - t.acked(), t.noAnswer());
        assertEquals(listener.acks.size(), t.acked());
        // Progress snapshots count from running tallies, not a scan: every one must add up, and acks only grow.
        assertTrue(listener.progress.size() > 10, "progress was reported while the muster ran");
        int ackedBefore = 0;
        for (MusterSnapshot p : listener.progress) {
            assertEquals(t.targeted(), p.acked() + p.late() + p.pending() + p.noAnswer() + p.unreachable()
                    + p.cancelled() + p.excluded().get("on_leave") + p.excluded().get("deactivated"), p.toString());
            assertTrue(p.acked() >= ackedBefore, p.toString());
            ackedBefore = p.acked();
        }
        MusterSnapshot last = listener.progress.get(listener.progress.size() - 1);
        assertEquals(List.of(t.acked(), t.late(), 0, t.noAnswer(), t.unreachable()),
                List.of(last.acked(), last.late(), last.pending(), last.noAnswer(), last.unreachable()),
                "the final snapshot agrees with the report built from every unit's row");

        for (ReportRow row : report.rows()) {
            if (row.outcome() == MusterOutcome.ACKED) {
                assertEquals(trueDelayNanos.get(row.unitId()) / 1e6, row.latencyMs(), 1e-9, row.unitId());
            }
        }
        long dmrCalled = units.stream().filter(u -> u.dmrId() != null && u.lifecycle() == Lifecycle.ACTIVE).count();
        long lastFirstDmrSend = dmr.callTimes.get((int) dmrCalled - 1);
        assertEquals((dmrCalled - 1) * 120.0, lastFirstDmrSend / 1e6, 1.0,
                "first attempts on DMR go out one per 120 ms: N units take about N x 120 ms");
        assertTrue(report.summary().timeTo90PctMs() != null);
        assertEquals(21, report.breakdowns().byStreet().size());
        assertEquals(List.of("dmr", "none", "poc"), report.breakdowns().byBearer().stream().map(g -> g.key()).toList(),
                "excluded units have no bearer");
        assertEquals(0, scheduler.pendingTasks());
    }
}
