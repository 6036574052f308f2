package dev.outpost.gateway.cli;

import dev.outpost.config.CheckResult;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.Problem;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.app.ReloadReport;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.systemd.SystemdService;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP: re-reads the config and the unit registry and applies what can change while running. An invalid new
 * config is rejected (its problems logged) and the running one stays. One reload at a time, on its own thread.
 */
final class Reloader {
    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final Path config;
    private volatile GatewayApp app;
    private final SystemdService systemd;
    private final String levelOverride;

    /** @param app null until the gateway has started (see {@link #started}) */
    Reloader(Path config, GatewayApp app, SystemdService systemd, String levelOverride) {
        this.config = config;
        this.app = app;
        this.systemd = systemd;
        this.levelOverride = levelOverride;
    }

    /** sun.misc.Signal is the only way to catch SIGHUP in Java 17; missing on a JVM without it, reload is off. */
    void installSignalHandler() {
        try {
            SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> reload());
            if (previous == SignalHandler.SIG_IGN) {
                // The JVM leaves a signal its parent ignored (nohup) ignored: say so, or reloads would seem lost.
                log.warn("SIGHUP is ignored by this process (started under nohup?): reload with SIGHUP will not work");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.warn("SIGHUP reload is unavailable here: {}", e.toString());
        }
    }

    private boolean pending;

    /** The gateway is up: reloads apply to it from now on, starting with one asked for during start-up. */
    void started(GatewayApp running) {
        boolean reloadNow;
        synchronized (this) {
            this.app = running;
            reloadNow = pending;
            pending = false;
        }
        if (reloadNow) {
            reload();
        }
    }

    /** Runs on the JVM's signal thread; signals arriving during a reload wait for it. */
    synchronized void reload() {
        if (app == null) {
            // Installed before start so that an early SIGHUP is not the JVM's default (which ends the process);
            // the reload runs as soon as start-up is done.
            log.info("SIGHUP during start-up: the reload runs once the gateway is up");
            pending = true;
            return;
        }
        systemd.reloading();
        log.info("SIGHUP: reloading {}", config);
        String outcome;
        try {
            outcome = apply(GatewayLauncher.check(config));
        } catch (JournalException | RuntimeException e) {
            log.error("config reload failed; the running configuration stays: {}", e.toString());
            outcome = "reload failed, running on the previous config";
        }
        systemd.reloaded(outcome);
    }

    private String apply(CheckResult checked) throws JournalException {
        if (!checked.isOk()) {
            List<String> problems = checked.problems().stream().filter(Problem::isError).map(Problem::format).toList();
            log.error("config reload rejected, the running configuration stays; {} problems:\n{}", problems.size(),
                    String.join("\n", problems));
            app.reloadRejected(problems);
            return "reload rejected (" + problems.size() + " config errors), running on the previous config";
        }
        checked.problems().forEach(p -> log.warn("config: {}", p.format()));
        OutpostConfig next = checked.config().orElseThrow();
        if (levelOverride == null && !Logging.setLevel(next.log().level())) {
            log.warn("log level '{}' unknown; the level stays", next.log().level());
        }
        ReloadReport report = app.reload(next, checked.registry().orElseThrow());
        return report.summary();
    }
}
