package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MusterServiceTest {
    private final ManualClock clock = new ManualClock(EPOCH);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final FakeLink dmr = new FakeLink("dmr1", Bearer.DMR, new Pacing(10, 1, 0), clock);
    private final RecordingListener listener = new RecordingListener();
    private final UnitRegistry registry = new UnitRegistry(IntStream.range(1, 4).mapToObj(MusterFixtures::dmrUnit).toList());
    private final MusterService service = new MusterService(scheduler, clock, () -> registry, List.of(dmr),
            link -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(1)), 2);

    private static MusterRequest request(Optional<String> id, MusterScope scope) {
        return new MusterRequest(id, scope, CallMethod.POLL, Duration.ofSeconds(1), 1, Duration.ofSeconds(10),
                Duration.ofSeconds(1), List.of(), "test");
    }

    private void ackAt(long atNanos, String unitId, String address, String callRef) {
        scheduler.advanceTo(atNanos);
        service.onEvent(MusterFixtures.ack(unitId, Bearer.DMR, address, "dmr1", callRef, atNanos));
    }

    @Test
    void runsAMusterEndToEndInVirtualTime() throws MusterRejected {
        MusterSnapshot started = service.start(request(Optional.empty(), new MusterScope.All()));
        assertTrue(started.musterId().matches("m-20261129T101500Z-[0-9a-f]{4}"), started.musterId());
        assertEquals(1, dmr.calls.size(), "the first call goes out before start returns");

        ackAt(1_234_000L, "U1", "1001", dmr.calls.get(0).callRef());
        scheduler.advanceTo(200 * MS);
        assertEquals(List.of(0L, 100 * MS, 200 * MS), dmr.callTimes);
        ackAt(250 * MS, "U2", "1002", null);
        assertTrue(service.get(started.musterId()).orElseThrow() instanceof MusterView.Live);

        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of(1.234, 150.0), listener.acks.stream().map(MusterAck::latencyMs).toList());
        assertEquals(1, listener.finished.size());
        MusterReport report = listener.finished.get(0);
        assertEquals(2, report.summary().totals().acked());
        assertEquals(List.of("U3"), report.summary().unanswered());
        assertEquals(2, report.rows().get(2).attempts());
        assertEquals(3_200.0, report.durationMs(), "U3: attempts at 0.2 s and 1.2 s, deadline 2.2 s, late window 1 s");
        MusterView view = service.get(started.musterId()).orElseThrow();
        assertEquals(report, assertInstanceOf(MusterView.Done.class, view).report());
        assertTrue(service.running().isEmpty());
        assertEquals("finished", service.list().get(0).state());
        assertEquals(0, scheduler.pendingTasks(), "no timer left behind");
    }

    @Test
    void progressIsReportedAtMostEvery500msWhenCountsChangeAndAtTheFinish() throws MusterRejected {
        service.start(request(Optional.empty(), new MusterScope.All()));
        ackAt(50 * MS, "U1", "1001", null);
        scheduler.advanceTo(499 * MS);
        assertTrue(listener.progress.isEmpty());
        scheduler.advanceTo(500 * MS);
        assertEquals(1, listener.progress.size());
        ackAt(600 * MS, "U2", "1002", null);
        scheduler.advanceTo(999 * MS);
        assertEquals(1, listener.progress.size());
        scheduler.advanceTo(1_000 * MS);
        assertEquals(List.of(1, 2), listener.progress.stream().map(MusterSnapshot::acked).toList());
        scheduler.advanceTo(1_249 * MS);
        assertEquals(2, listener.progress.size(), "counts unchanged since 1 s: no report");
        ackAt(1_250 * MS, "U3", "1003", null);
        assertEquals(3, listener.progress.size(), "the finish always reports");
        assertFalse(listener.progress.get(2).running());
        assertEquals(1_250.0, listener.progress.get(2).elapsedMs());
    }

    @Test
    void receiptsCompletedOnAnotherThreadAreHandledOnTheServiceThread() throws Exception {
        dmr.autoReceipt = false;
        String id = service.start(request(Optional.of("drill-1"), new MusterScope.Units(List.of("U1")))).musterId();
        String callRef = dmr.calls.get(0).callRef();
        ackAt(5 * MS, "U1", "1001", callRef);
        assertTrue(listener.acks.isEmpty(), "the ack came before the receipt");

        Thread network = new Thread(() -> dmr.completeReceipt(callRef, 2 * MS));
        network.start();
        network.join(5_000);
        assertTrue(listener.acks.isEmpty(), "nothing happens off the service thread");
        scheduler.runDue();
        assertEquals(3.0, listener.acks.get(0).latencyMs());
        assertEquals("drill-1", listener.finished.get(0).musterId());
        assertEquals(id, listener.acks.get(0).musterId());
    }

    @Test
    void publicMethodsRefuseOtherThreads() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                service.start(request(Optional.empty(), new MusterScope.All()));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.start();
        other.join(5_000);
        assertInstanceOf(IllegalStateException.class, thrown.get());
    }

    @Test
    void linkDownAtStartMakesItsUnitsUnreachable() throws MusterRejected {
        dmr.state = LinkState.DOWN;
        service.start(request(Optional.empty(), new MusterScope.All()));
        assertTrue(dmr.calls.isEmpty());
        MusterReport report = listener.finished.get(0);
        assertEquals(3, report.summary().totals().unreachable());
        assertEquals(0, report.summary().totals().called());
    }

    @Test
    void linkGoingDownMidMusterFailsCallsThatAreRetriedThenUnreachable() throws MusterRejected {
        service.start(request(Optional.empty(), new MusterScope.All()));
        dmr.state = LinkState.DOWN;
        scheduler.advance(Duration.ofSeconds(1));
        dmr.state = LinkState.UP;
        scheduler.advance(Duration.ofSeconds(10));
        MusterReport report = listener.finished.get(0);
        assertEquals(MusterOutcome.NO_ANSWER, report.rows().get(0).outcome(), "U1's first call went out");
        assertEquals(MusterOutcome.NO_ANSWER, report.rows().get(1).outcome(), "U2's retry went out after recovery");
        assertEquals(2, report.rows().get(1).attempts());
    }

    @Test
    void cancelEndsTheMusterAndKeepsTheReport() throws MusterRejected {
        String id = service.start(request(Optional.empty(), new MusterScope.All())).musterId();
        scheduler.advance(Duration.ofMillis(150));
        assertTrue(service.cancel(id));
        assertFalse(service.cancel(id));
        MusterView.Done done = assertInstanceOf(MusterView.Done.class, service.get(id).orElseThrow());
        assertEquals("cancelled", done.report().state());
        assertEquals(3, done.report().summary().totals().cancelled());
    }

    @Test
    void rejectionsListEveryProblem() throws MusterRejected {
        service.start(request(Optional.of("taken"), new MusterScope.Units(List.of("U1"))));
        MusterRejected rejected = assertThrows(MusterRejected.class,
                () -> service.start(request(Optional.of("taken"), new MusterScope.Units(List.of("U1", "U9")))));
        assertEquals(List.of("muster_id 'taken' is already used", "unknown unit ids: U9"), rejected.problems());
    }

    @Test
    void acksAreRoutedByCallReferenceElseToTheLatestMusterAwaitingTheUnit() throws MusterRejected {
        String first = service.start(request(Optional.of("first"), new MusterScope.Units(List.of("U1")))).musterId();
        scheduler.advance(Duration.ofMillis(100));
        String second = service.start(overlapping(request(Optional.of("second"), new MusterScope.Units(List.of("U1")))))
                .musterId();
        ackAt(150 * MS, "U1", "1001", null);
        ackAt(160 * MS, "U1", "1001", dmr.calls.get(0).callRef());
        assertEquals(List.of(second, first), listener.acks.stream().map(MusterAck::musterId).toList());
        assertEquals(List.of(50.0, 160.0), listener.acks.stream().map(MusterAck::latencyMs).toList());
    }

    @Test
    void aMusterMayNotCallUnitsARunningOneIsCallingUnlessItAllowsOverlap() throws MusterRejected {
        service.start(request(Optional.of("first"), new MusterScope.Units(List.of("U1", "U2"))));
        MusterRejected rejected = assertThrows(MusterRejected.class,
                () -> service.start(request(Optional.of("second"), new MusterScope.All())));
        assertEquals(List.of("2 of its units are being called by running muster first (e.g. U1, U2); wait for it, "
                + "cancel it, or set allow_overlap"), rejected.problems());
        assertEquals(1, service.running().size(), "nothing started");
        service.start(request(Optional.of("third"), new MusterScope.Units(List.of("U3"))));
        service.start(overlapping(request(Optional.of("fourth"), new MusterScope.All())));
        assertEquals(3, service.running().size());
    }

    private static MusterRequest overlapping(MusterRequest r) {
        return new MusterRequest(r.musterId(), r.scope(), r.method(), r.attemptTimeout(), r.retries(), r.deadline(),
                r.lateWindow(), r.preferLinks(), r.label(), true);
    }

    @Test
    void onlyTheLastReportsAreKept() throws MusterRejected {
        for (String id : List.of("a", "b", "c")) {
            service.start(request(Optional.of(id), new MusterScope.Units(List.of("U1"))));
            service.cancel(id);
        }
        assertTrue(service.get("a").isEmpty());
        assertEquals(List.of("c", "b"), service.list().stream().map(MusterSnapshot::musterId).toList());
    }
}
