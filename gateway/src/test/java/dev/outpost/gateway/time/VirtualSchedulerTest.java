package dev.outpost.gateway.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    private final ManualClock clock = new ManualClock();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    @Test
    void tasksRunAtTheirVirtualInstantInOrder() {
        List<String> log = new ArrayList<>();
        scheduler.schedule(300, () -> log.add("c@" + clock.monotonicNanos()));
        scheduler.schedule(100, () -> {
            log.add("a@" + clock.monotonicNanos());
            scheduler.schedule(50, () -> log.add("b@" + clock.monotonicNanos()));
        });
        scheduler.schedule(100, () -> log.add("a2@" + clock.monotonicNanos()));
        scheduler.advance(Duration.ofNanos(250));
        assertEquals(List.of("a@100", "a2@100", "b@150"), log);
        assertEquals(250, clock.monotonicNanos());
        scheduler.advance(Duration.ofNanos(50));
        assertEquals("c@300", log.get(3));
    }

    @Test
    void cancelledTasksDoNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        Cancellable handle = scheduler.schedule(10, () -> ran.set(true));
        handle.cancel();
        scheduler.advance(Duration.ofSeconds(1));
        assertFalse(ran.get());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void executeFromAnotherThreadWaitsForTheOwner() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        Thread other = new Thread(() -> scheduler.execute(() -> ran.set(true)));
        other.start();
        other.join(5_000);
        assertFalse(ran.get());
        scheduler.runDue();
        assertTrue(ran.get());
    }

    @Test
    void ownerThreadIsChecked() throws Exception {
        assertTrue(scheduler.isOwnerThread());
        List<Throwable> thrown = new ArrayList<>();
        Thread other = new Thread(() -> {
            try {
                scheduler.checkOwnerThread();
            } catch (IllegalStateException e) {
                thrown.add(e);
            }
        });
        other.start();
        other.join(5_000);
        assertEquals(1, thrown.size());
    }

    @Test
    void executorSchedulerRunsTasksOnItsOwnThread() throws Exception {
        try (ExecutorTaskScheduler real = new ExecutorTaskScheduler("core-test")) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicBoolean onOwner = new AtomicBoolean();
            real.schedule(TimeUnit.MILLISECONDS.toNanos(1), () -> {
                onOwner.set(real.isOwnerThread());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertTrue(onOwner.get());
            assertFalse(real.isOwnerThread());
        }
    }
}
