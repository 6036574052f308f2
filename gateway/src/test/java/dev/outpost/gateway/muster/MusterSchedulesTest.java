package dev.outpost.gateway.muster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.CronExpression;
import dev.outpost.config.MusterDefaults;
import dev.outpost.config.MusterMethod;
import dev.outpost.config.ScheduleSettings;
import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Routine musters in virtual time: cron instants, jitter within bounds, overlap skipped, the schedule goes on, and a
 * reload that swaps the schedules.
 */
class MusterSchedulesTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:03:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final FakeLink dmr = new FakeLink("dmr1", Bearer.DMR, new Pacing(100, 1, 0), clock);
    private final RecordingListener listener = new RecordingListener();
    private final UnitRegistry registry = new UnitRegistry(IntStream.range(1, 4).mapToObj(MusterFixtures::dmrUnit).toList());
    private final MusterService service = new MusterService(scheduler, clock, () -> registry, List.of(dmr),
            link -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(1)), 10);
    private final MusterDefaults defaults = new MusterDefaults(MusterMethod.CONFIRM, Duration.ofSeconds(2), 0,
            Duration.ofMinutes(7), Duration.ZERO, List.of("dmr1"));

    private static ScheduleSettings every10Minutes(Duration jitter) {
        return new ScheduleSettings("drill", CronExpression.parse("*/10 * * * *").expression().orElseThrow(), jitter,
                ZoneOffset.UTC, "all", "", List.of(), Optional.of(MusterMethod.POLL), "routine drill", false);
    }

    @Test
    void aScheduleStartsMustersAtItsCronInstants() {
        MusterSchedules schedules = new MusterSchedules(List.of(every10Minutes(Duration.ZERO)), defaults, service,
                scheduler, clock, new Random(7));
        schedules.start();
        assertEquals(Instant.parse("2026-11-29T10:10:00Z"), schedules.list().get(0).nextAt());
        scheduler.advance(Duration.ofMinutes(7).minusSeconds(1));
        assertTrue(listener.started.isEmpty());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, listener.started.size());
        assertEquals("routine drill", listener.started.get(0).label());
        assertEquals("poll", listener.started.get(0).method());
        assertEquals(Instant.parse("2026-11-29T10:20:00Z"), schedules.list().get(0).nextAt());
    }

    @Test
    void jitterDelaysEachStartByAtMostItsBound() {
        MusterSchedules schedules = new MusterSchedules(List.of(every10Minutes(Duration.ofMinutes(3))), defaults,
                service, scheduler, clock, new Random(7));
        schedules.start();
        for (int i = 1; i <= 5; i++) {
            Instant planned = schedules.list().get(0).nextAt();
            Instant cron = Instant.parse("2026-11-29T10:00:00Z").plus(Duration.ofMinutes(10L * i));
            assertTrue(!planned.isBefore(cron) && planned.isBefore(cron.plus(Duration.ofMinutes(3))),
                    planned + " within 3 min after " + cron);
            scheduler.advance(Duration.between(clock.wallNow(), planned));
            assertEquals(i, listener.started.size());
            assertEquals(planned, listener.started.get(i - 1).startedAt());
            scheduler.advance(Duration.ofMinutes(3)); // let that muster end before the next starts
        }
    }

    @Test
    void anOverlappingRoutineMusterIsSkippedAndTheScheduleGoesOn() throws MusterRejected {
        MusterSchedules schedules = new MusterSchedules(List.of(every10Minutes(Duration.ZERO)), defaults, service,
                scheduler, clock, new Random(7));
        schedules.start();
        service.start(new MusterRequest(Optional.of("long"), new MusterScope.All(), CallMethod.POLL,
                Duration.ofMinutes(20), 0, Duration.ofMinutes(20), Duration.ZERO, List.of(), "manual"));
        scheduler.advance(Duration.ofMinutes(7));
        MusterSchedules.ScheduleView view = schedules.list().get(0);
        assertTrue(view.lastProblem().contains("running muster long"), view.lastProblem());
        assertNull(view.lastMusterId());
        service.cancel("long");
        scheduler.advance(Duration.ofMinutes(10));
        assertTrue(schedules.list().get(0).lastMusterId() != null, "the next one ran");
    }

    // Reload (SIGHUP): the set is swapped; unchanged schedules neither skip nor repeat a start.

    private final List<Instant> changes = new ArrayList<>();

    private static ScheduleSettings schedule(String id, String cron, Duration jitter) {
        return new ScheduleSettings(id, CronExpression.parse(cron).expression().orElseThrow(), jitter,
                ZoneOffset.UTC, "all", "", List.of(), Optional.empty(), "routine " + id, true);
    }

    private MusterSchedules started(ScheduleSettings... schedules) {
        MusterSchedules s = new MusterSchedules(List.of(schedules), defaults, service, scheduler, clock,
                new Random(7));
        s.onChange(() -> changes.add(clock.wallNow()));
        s.start();
        return s;
    }

    private Instant nextAt(MusterSchedules schedules, String id) {
        return schedules.list().stream().filter(v -> v.settings().id().equals(id)).findFirst().orElseThrow().nextAt();
    }

    private List<String> startedLabels() {
        return listener.started.stream().map(MusterSnapshot::label).toList();
    }

    @Test
    void anUnchangedScheduleKeepsItsJitteredStartSoItNeitherSkipsNorRepeats() {
        ScheduleSettings drill = schedule("drill", "*/10 * * * *", Duration.ofMinutes(5));
        MusterSchedules schedules = started(drill);
        Instant armed = nextAt(schedules, "drill");
        // Just before the start: re-arming would draw a new jitter (or skip to the next cron instant).
        scheduler.advance(Duration.between(clock.wallNow(), armed).minusMillis(1));

        MusterSchedules.Changes result = schedules.replace(List.of(schedule("drill", "*/10 * * * *",
                Duration.ofMinutes(5))));

        assertEquals(List.of("drill"), result.kept());
        assertEquals(armed, nextAt(schedules, "drill"));
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("routine drill"), startedLabels());
        assertEquals(armed, listener.started.get(0).startedAt());
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(1, listener.started.size(), "started once, not again by the reload");
    }

    @Test
    void aChangedScheduleIsReArmedFromNowAndItsOldStartNeverComes() {
        MusterSchedules schedules = started(schedule("drill", "*/10 * * * *", Duration.ZERO));
        assertEquals(Instant.parse("2026-11-29T10:10:00Z"), nextAt(schedules, "drill"));

        MusterSchedules.Changes result = schedules.replace(List.of(schedule("drill", "15 * * * *", Duration.ZERO)));

        assertEquals(List.of("drill"), result.changed());
        assertEquals(Instant.parse("2026-11-29T10:15:00Z"), nextAt(schedules, "drill"));
        scheduler.advance(Duration.ofMinutes(11)); // 10:14: the old 10:10 start is gone
        assertEquals(List.of(), startedLabels());
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(1, listener.started.size());
        assertEquals(Instant.parse("2026-11-29T10:15:00Z"), listener.started.get(0).startedAt());
    }

    @Test
    void addedSchedulesAreArmedAndRemovedOnesDisarmed() {
        MusterSchedules schedules = started(schedule("old", "*/10 * * * *", Duration.ZERO));
        int changesBefore = changes.size();

        MusterSchedules.Changes result = schedules.replace(List.of(schedule("new", "5 * * * *", Duration.ZERO)));

        assertEquals(new MusterSchedules.Changes(List.of(), List.of(), List.of("new"), List.of("old")), result);
        assertEquals(changesBefore + 1, changes.size(), "watchers are told (info is republished)");
        assertEquals(List.of("new"), schedules.list().stream().map(v -> v.settings().id()).toList());
        scheduler.advance(Duration.ofHours(1));
        assertEquals(List.of("routine new"), startedLabels());
    }

    @Test
    void aScheduleReplacedBeforeStartIsArmedOnlyByStart() {
        MusterSchedules schedules = new MusterSchedules(List.of(), defaults, service, scheduler, clock,
                new Random(7));
        schedules.replace(List.of(schedule("drill", "*/10 * * * *", Duration.ZERO)));
        assertNull(nextAt(schedules, "drill"));
        schedules.start();
        assertNotEquals(null, nextAt(schedules, "drill"));
        scheduler.advance(Duration.ofMinutes(7));
        assertEquals(1, listener.started.size());
    }
}
