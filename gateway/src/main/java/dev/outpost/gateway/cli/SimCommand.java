package dev.outpost.gateway.cli;

import dev.outpost.config.TimingSettings;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.time.TimingThreads;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.config.SimConfig;
import dev.outpost.simulator.config.SimConfigException;
import dev.outpost.simulator.config.SimConfigLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost sim}: the simulated radio/PoC world, standalone, for walkthroughs and manual testing. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs the simulator standalone: a PoC (hxt) server with simulated units that answer roll calls",
            "with realistic delays, writing the ground truth (each unit's true response delay) to a file.",
            "Point a gateway ('outpost run') at it; stop it with Ctrl-C or SIGTERM (the ground truth is flushed)."
        },
        footer = {"", "Example: outpost sim --config examples/sim.yaml  (see docs/simulator.md)"})
public final class SimCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The simulator config (YAML).")
    Path config;

    @Option(names = "--write-units", paramLabel = "CSV",
            description = "Write the units the simulator config describes to a registry CSV (for the gateway's"
                    + " units.file) and exit, without starting the simulator.")
    Path writeUnits;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "Log level (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Override
    public Integer call() throws InterruptedException {
        if (!Logging.setLevel(logLevel)) {
            System.err.println("--log-level must be one of trace, debug, info, warn, error; not '" + logLevel + "'");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(config)) {
            System.err.println(config + ": no such file (give the simulator config with --config FILE)");
            return ExitCodes.CONFIG;
        }
        SimConfig sim;
        List<Unit> units;
        try {
            sim = SimConfigLoader.load(config);
            units = sim.loadUnits();
        } catch (SimConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (writeUnits != null) {
            try (Writer w = Files.newBufferedWriter(writeUnits, StandardCharsets.UTF_8)) {
                RegistryCsv.write(units, w);
            } catch (IOException e) {
                System.err.println("cannot write " + writeUnits + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            System.out.println("outpost sim: wrote " + units.size() + " units to " + writeUnits);
            return ExitCodes.OK;
        }
        // The threads that stamp the ground truth ask for real-time priority, as the gateway's do (TimingThreads).
        RunningSimulator running = Simulator.start(sim.options(), units,
                TimingThreads.of(TimingSettings.defaults())::named);
        System.out.println("outpost sim: " + units.size() + " units; PoC server at " + running.hxtUri()
                + (sim.options().groundTruthFile() == null ? "" : "; ground truth -> " + sim.options().groundTruthFile()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            System.out.println("outpost sim: stopped; " + running.stats());
            stopped.countDown();
        }, "outpost-sim-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
