package dev.outpost.gateway.cli;

import dev.outpost.config.CheckResult;
import dev.outpost.config.LogFormat;
import dev.outpost.config.OutpostConfig;
import dev.outpost.gateway.logging.OutpostLogEncoder;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.app.GatewayStartException;
import dev.outpost.gateway.systemd.SystemdService;
import dev.outpost.gateway.time.GatewayClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost run}: the daemon. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the gateway daemon: connects the configured links and the MQTT broker, bridges unit",
            "events to MQTT and runs musters on request. It keeps running (reconnecting as needed) until",
            "stopped with SIGTERM or Ctrl-C. The config is checked first, exactly as 'outpost check' does.",
            "SIGHUP re-reads the config and the unit registry and applies what can change live.",
            "Under systemd (Type=notify) it reports readiness, watchdog pings and its status."
        },
        footer = {"", "Exit codes: 0 stopped cleanly, 1 failed, 73 journal cannot be opened, 78 configuration error.",
            "Example: outpost run --config /etc/outpost/outpost.yaml"})
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The gateway config (YAML).")
    Path config;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "Override the config's log.level (trace, debug, info, warn, error).")
    String logLevel;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(config)) {
            System.err.println(config + ": no such file (give the gateway config with --config FILE)");
            return ExitCodes.CONFIG;
        }
        CheckResult checked = GatewayLauncher.check(config);
        if (!checked.isOk()) {
            System.err.println(checked.report());
            System.err.println("outpost: not starting; fix the problems above (see docs/config.md).");
            return ExitCodes.CONFIG;
        }
        OutpostConfig cfg = checked.config().orElseThrow();
        String level = logLevel != null ? logLevel : cfg.log().level();
        if (!Logging.setLevel(level)) {
            System.err.println("--log-level must be one of trace, debug, info, warn, error; not '" + level + "'");
            return ExitCodes.USAGE;
        }
        OutpostLogEncoder.useJson(cfg.log().format() == LogFormat.JSON);
        if (checked.warningCount() > 0) {
            System.err.println(checked.report());
        }
        SystemdService systemd = SystemdService.fromEnvironment(System.getenv());
        // Catch SIGHUP from the start: the JVM's default for it would end the process mid start-up.
        Reloader reloader = new Reloader(config, null, systemd, logLevel);
        reloader.installSignalHandler();
        GatewayApp app;
        try {
            app = GatewayLauncher.start(checked, GatewayClock.system(), VersionProvider.version());
        } catch (GatewayLauncher.InvalidConfig e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        } catch (GatewayStartException e) {
            System.err.println("outpost: not starting: " + e.getMessage());
            return ExitCodes.CANT_CREATE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Order (docs/operations.md): tell systemd, stop intake, flush the journal, publish offline, close links.
            systemd.stopping();
            app.close();
            systemd.close();
            stopped.countDown();
        }, "outpost-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        reloader.started(app);
        systemd.ready(app);
        stopped.await();
        return ExitCodes.OK;
    }
}
