package dev.outpost.gateway.muster;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Routine musters in virtual time: cron instants, jitter within bounds, overlap skipped, the schedule goes on. */
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
}
