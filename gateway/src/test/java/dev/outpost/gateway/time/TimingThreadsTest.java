package dev.outpost.gateway.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.TimingSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stamping threads ask for real-time priority before their first task, as configured, and say what they got. */
class TimingThreadsTest {
    /** Records which thread asked, at which priority, and answers as told. */
    private static final class Scripted implements RealtimePriority {
        final List<String> asked = new CopyOnWriteArrayList<>();
        private final Outcome answer;

        Scripted(Outcome answer) {
            this.answer = answer;
        }

        @Override
        public Outcome raiseCurrentThread(int priority) {
            asked.add(Thread.currentThread().getName() + "@" + priority);
            return answer;
        }
    }

    private static List<String> runOneTask(TimingThreads timing, List<String> log) throws InterruptedException {
        Thread t = timing.named("outpost-net").newThread(() -> log.add("task on " + Thread.currentThread().getName()));
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "the thread ran its task and ended");
        assertTrue(t.isDaemon(), "stamping threads never keep the JVM alive");
        return log;
    }

    @Test
    void aGrantedThreadAsksAtTheConfiguredPriorityBeforeItsTask() throws InterruptedException {
        Scripted kernel = new Scripted(RealtimePriority.Outcome.GRANTED);
        TimingThreads timing = new TimingThreads(new TimingSettings(TimingSettings.Realtime.AUTO, 12), kernel);
        List<String> log = new CopyOnWriteArrayList<>();

        runOneTask(timing, log);

        assertEquals(1, kernel.asked.size());
        assertTrue(kernel.asked.get(0).matches("outpost-net-\\d+-1@12"), kernel.asked.toString());
        assertEquals(List.of("task on " + kernel.asked.get(0).replace("@12", "")), log);
        assertEquals(new TimingThreads.Summary("auto", 12, 1, 0, ""), timing.summary());
        assertTrue(timing.summary().allRaised());
    }

    @Test
    void aRefusedThreadStillRunsAndTheRefusalIsKept() throws InterruptedException {
        Scripted kernel = new Scripted(RealtimePriority.Outcome.refusedBecause("Operation not permitted"));
        TimingThreads timing = new TimingThreads(TimingSettings.defaults(), kernel);
        List<String> log = new CopyOnWriteArrayList<>();

        runOneTask(timing, log);
        runOneTask(timing, log);

        assertEquals(2, log.size(), "both tasks ran at normal priority");
        assertEquals(new TimingThreads.Summary("auto", 10, 0, 2, "Operation not permitted"), timing.summary());
        assertFalse(timing.summary().allRaised());
    }

    @Test
    void offNeverAsks() throws InterruptedException {
        Scripted kernel = new Scripted(RealtimePriority.Outcome.GRANTED);
        TimingThreads timing = new TimingThreads(new TimingSettings(TimingSettings.Realtime.OFF, 10), kernel);

        assertEquals(1, runOneTask(timing, new CopyOnWriteArrayList<>()).size());

        assertEquals(List.of(), kernel.asked);
        assertFalse(timing.summary().allRaised(), "no thread was raised");
    }

    @Test
    void noThreadStartedYetIsNotAllRaised() {
        assertFalse(new TimingThreads(TimingSettings.defaults(), new Scripted(RealtimePriority.Outcome.GRANTED))
                .summary().allRaised());
    }
}
