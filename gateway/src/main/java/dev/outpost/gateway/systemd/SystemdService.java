package dev.outpost.gateway.systemd;

import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.time.ExecutorTaskScheduler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of {@code Type=notify}: READY once started, the watchdog while running, RELOADING/READY
 * around a reload and STOPPING at shutdown. Does nothing when not started by systemd. Owned by {@code outpost run}.
 */
public final class SystemdService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SystemdService.class);

    private final ServiceNotifier notifier;
    private final long watchdogPeriodNanos;
    private ExecutorTaskScheduler watchdogThread;
    private ServiceWatchdog watchdog;
    private GatewayApp app;

    SystemdService(ServiceNotifier notifier, long watchdogPeriodNanos) {
        this.notifier = notifier;
        this.watchdogPeriodNanos = watchdogPeriodNanos;
    }

    public static SystemdService fromEnvironment(Map<String, String> env) {
        ServiceNotifier notifier = ServiceNotifier.fromEnvironment(env);
        long period = notifier.active() ? ServiceWatchdog.periodNanos(env.get("WATCHDOG_USEC"),
                env.get("WATCHDOG_PID"), ProcessHandle.current().pid()) : 0;
        return new SystemdService(notifier, period);
    }

    /** Config, journal and ports are open (the broker may still be connecting): READY=1, and the watchdog starts. */
    public synchronized void ready(GatewayApp started) {
        this.app = started;
        notifier.send("READY=1\nMAINPID=" + ProcessHandle.current().pid() + "\nSTATUS=" + status().text());
        if (watchdogPeriodNanos > 0 && watchdog == null) {
            watchdogThread = new ExecutorTaskScheduler("outpost-watchdog");
            watchdog = new ServiceWatchdog(notifier, watchdogThread, watchdogPeriodNanos, this::probe);
            watchdog.start();
            log.debug("systemd watchdog: pinging every {} ms", TimeUnit.NANOSECONDS.toMillis(watchdogPeriodNanos));
        }
    }

    /** A reload begins (SIGHUP). */
    public void reloading() {
        long monotonicUsec = TimeUnit.NANOSECONDS.toMicros(System.nanoTime()); // CLOCK_MONOTONIC on Linux
        notifier.send("RELOADING=1\nMONOTONIC_USEC=" + monotonicUsec + "\nSTATUS=reloading the configuration");
    }

    /** The reload is over, applied or rejected ({@code outcome} says which); the daemon runs on. */
    public synchronized void reloaded(String outcome) {
        notifier.send("READY=1\nSTATUS=" + outcome + "; " + status().text());
    }

    /** Shutdown begins; systemd waits up to TimeoutStopSec for the process to exit. */
    public void stopping() {
        notifier.send("STOPPING=1\nSTATUS=stopping");
    }

    private ServiceStatus status() {
        return new ServiceStatus(app == null ? java.util.List.of()
                : app.links().stream().map(l -> l.status()).toList(), 0);
    }

    private CompletableFuture<ServiceStatus> probe() {
        GatewayApp watched = app;
        return watched.probeRunningMusters().thenApply(running -> new ServiceStatus(
                watched.links().stream().map(l -> l.status()).toList(), running));
    }

    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.close();
            watchdogThread.close();
        }
        notifier.close();
    }
}
