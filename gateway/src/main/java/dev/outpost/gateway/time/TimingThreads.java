package dev.outpost.gateway.time;

import dev.outpost.config.TimingSettings;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the threads that timestamp wire traffic (network and serial readers, and in tests the simulator's).
 *
 * <p>Why: a unit's latency is the difference of two stamps taken by such threads when bytes leave and arrive. If one
 * waits for a core while other threads run, its stamp is late by that wait: on a 2-core box with a broker, the
 * journal and MQTT threads beside it, a few ms now and then, and tens of ms under load. Under SCHED_FIFO a woken
 * stamping thread preempts ordinary threads at once (measured: docs/BENCHMARKS.md, "Real-time stamping threads").
 * These threads block on I/O between events, so they do not hold a core the rest of the gateway needs.
 *
 * <p>When the system refuses (no CAP_SYS_NICE or RLIMIT_RTPRIO), the threads run at normal priority and the first
 * refusal is logged once with the fix.
 */
public final class TimingThreads {
    private static final Logger LOG = LoggerFactory.getLogger(TimingThreads.class);

    private final TimingSettings settings;
    private final RealtimePriority scheduler;
    private final AtomicInteger raised = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> refusal = new AtomicReference<>("");
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    public TimingThreads(TimingSettings settings, RealtimePriority scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** The gateway's: real-time through {@code chrt} as configured. */
    public static TimingThreads of(TimingSettings settings) {
        return new TimingThreads(settings, new ChrtRealtimePriority());
    }

    /** Threads at normal priority, asking nothing. */
    public static TimingThreads normal() {
        return new TimingThreads(new TimingSettings(TimingSettings.Realtime.OFF, TimingSettings.DEFAULT_PRIORITY),
                priority -> RealtimePriority.Outcome.refusedBecause("not asked"));
    }

    /** A factory of daemon threads named {@code prefix-N-M} that, as configured, first ask for real-time priority. */
    public ThreadFactory named(String prefix) {
        ThreadFactory plain = new DefaultThreadFactory(prefix, true);
        if (settings.realtime() == TimingSettings.Realtime.OFF) {
            return plain;
        }
        return task -> plain.newThread(() -> {
            raiseThisThread();
            task.run();
        });
    }

    private void raiseThisThread() {
        RealtimePriority.Outcome outcome = scheduler.raiseCurrentThread(settings.priority());
        String thread = Thread.currentThread().getName();
        if (outcome.granted()) {
            raised.incrementAndGet();
            LOG.debug("timestamping thread {} runs at real-time priority {} (SCHED_FIFO)", thread, settings.priority());
            return;
        }
        refused.incrementAndGet();
        refusal.set(outcome.detail());
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.info("timestamping thread {} runs at normal priority ({}): under CPU load, latencies can read a few ms "
                    + "long. To fix, allow real-time priority {} (systemd: LimitRTPRIO={}, as the packaged unit does; "
                    + "otherwise an rtprio limit or CAP_SYS_NICE); the gateway's 'timing: { realtime: off }' stops "
                    + "asking", thread, outcome.detail(), settings.priority(), settings.priority());
        }
    }

    /** What was asked and what the system granted so far, for the health reply and the tests. */
    public Summary summary() {
        return new Summary(settings.realtime().configName(), settings.priority(), raised.get(), refused.get(),
                refusal.get());
    }

    /**
     * @param realtime the configured mode
     * @param raised   threads started at real-time priority
     * @param refused  threads the system kept at normal priority
     * @param refusal  the last refusal's reason, empty if none
     */
    public record Summary(String realtime, int priority, int raised, int refused, String refusal) {
        /** Every timestamping thread started so far (at least one) runs at real-time priority. */
        public boolean allRaised() {
            return raised > 0 && refused == 0;
        }
    }
}
