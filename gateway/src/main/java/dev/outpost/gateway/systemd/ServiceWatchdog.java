package dev.outpost.gateway.systemd;

import dev.outpost.gateway.time.Cancellable;
import dev.outpost.gateway.time.TaskScheduler;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code WATCHDOG=1} (with the current {@code STATUS=}) every period, but only when the gateway
 * answered the previous probe: the probe runs through the threads that must not hang (see
 * {@code GatewayApp.probe}), so a dead or stuck thread withholds the ping and systemd restarts the service.
 */
public final class ServiceWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceWatchdog.class);

    private final ServiceNotifier notifier;
    private final TaskScheduler scheduler;
    private final long periodNanos;
    private final Supplier<CompletableFuture<ServiceStatus>> probe;
    private CompletableFuture<ServiceStatus> pending;
    private Cancellable timer;
    private boolean stalled;
    private volatile boolean closed;

    /**
     * @param periodNanos how often to ping: half of {@code $WATCHDOG_USEC}
     * @param probe       completes with the status once every watched thread ran it; never completes on a hang
     */
    public ServiceWatchdog(ServiceNotifier notifier, TaskScheduler scheduler, long periodNanos,
                           Supplier<CompletableFuture<ServiceStatus>> probe) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("watchdog period must be positive: " + periodNanos);
        }
        this.notifier = notifier;
        this.scheduler = scheduler;
        this.periodNanos = periodNanos;
        this.probe = probe;
    }

    /** The ping period for {@code $WATCHDOG_USEC}, or 0 when systemd's watchdog is off (or not for this PID). */
    public static long periodNanos(String watchdogUsec, String watchdogPid, long ownPid) {
        if (watchdogUsec == null || watchdogUsec.isBlank()) {
            return 0;
        }
        if (watchdogPid != null && !watchdogPid.isBlank() && !watchdogPid.trim().equals(Long.toString(ownPid))) {
            return 0;
        }
        try {
            long usec = Long.parseLong(watchdogUsec.trim());
            return usec <= 0 ? 0 : usec * 1000 / 2;
        } catch (NumberFormatException e) {
            log.warn("ignoring WATCHDOG_USEC '{}': not a number", watchdogUsec);
            return 0;
        }
    }

    public void start() {
        scheduler.execute(() -> {
            pending = probe.get();
            timer = scheduler.schedule(periodNanos, this::tick);
        });
    }

    private void tick() {
        if (closed) {
            return;
        }
        if (pending.isDone() && !pending.isCompletedExceptionally()) {
            if (stalled) {
                stalled = false;
                log.info("the gateway answers the watchdog again");
            }
            notifier.send("WATCHDOG=1\nSTATUS=" + pending.join().text());
            pending = probe.get();
        } else if (!stalled) {
            stalled = true;
            log.error("a gateway thread (core, network or journal writer) did not answer within {} ms; "
                    + "withholding the watchdog ping", periodNanos / 1_000_000);
        }
        if (pending.isCompletedExceptionally()) {
            pending = probe.get(); // a dead thread fails again; a transient failure gets another chance
        }
        timer = scheduler.schedule(periodNanos, this::tick);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.execute(() -> {
            if (timer != null) {
                timer.cancel();
            }
        });
    }
}
