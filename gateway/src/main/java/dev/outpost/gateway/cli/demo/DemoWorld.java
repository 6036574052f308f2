package dev.outpost.gateway.cli.demo;

import dev.outpost.config.TimingSettings;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.app.GatewayStartException;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TimingThreads;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The simulated world of the demo: an optional embedded broker, the simulator, and a gateway
 * started from config files written to a scratch directory, loaded exactly as {@code outpost run}
 * loads them. Closing it stops everything in reverse order and deletes the scratch directory.
 */
final class DemoWorld implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path scratch;
    final String brokerUrl;
    final RunningSimulator simulator;
    final GatewayApp gateway;
    final List<Unit> units;

    DemoWorld(DemoSettings settings, List<Unit> units, GatewayClock clock, String version) throws IOException {
        this.units = units;
        this.scratch = Files.createTempDirectory("outpost-demo-");
        try {
            if (settings.brokerUrl() == null) {
                EmbeddedBroker broker = EmbeddedBroker.start();
                started.add(broker);
                this.brokerUrl = broker.url();
            } else {
                this.brokerUrl = settings.brokerUrl();
            }
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            this.simulator = Simulator.start(simulatorOptions(settings, token), units,
                    TimingThreads.of(TimingSettings.defaults())::named);
            started.add(simulator);

            Path config = writeConfig(settings, token);
            try {
                this.gateway = GatewayLauncher.start(config, clock, version);
            } catch (GatewayLauncher.InvalidConfig e) {
                throw new IllegalStateException("the demo wrote a config that does not check:\n" + e.getMessage(), e);
            } catch (GatewayStartException e) {
                throw new IllegalStateException("the demo gateway cannot start: " + e.getMessage(), e);
            }
            started.add(gateway);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static SimulatorOptions simulatorOptions(DemoSettings settings, String token) {
        BehaviourOptions b = BehaviourOptions.defaults();
        BehaviourOptions behaviour = new BehaviourOptions(b.onlineFraction(), settings.noAnswerFraction(),
                settings.lateFraction(), settings.unitDeadline().plusSeconds(2), b.auto(), b.confirm());
        return SimulatorOptions.defaults().withToken(token).withBehaviour(settings.seed(), behaviour);
    }

    private Path writeConfig(DemoSettings settings, String token) throws IOException {
        Path unitsFile = scratch.resolve("units.csv");
        try (Writer w = Files.newBufferedWriter(unitsFile, StandardCharsets.UTF_8)) {
            RegistryCsv.write(units, w);
        }
        Files.writeString(scratch.resolve("hxt.token"), token + "\n");
        String yaml = String.join("\n",
                "# Written by 'outpost demo'; loaded exactly like a config given to 'outpost run'.",
                "gateway:",
                "  id: demo",
                "mqtt:",
                "  url: " + brokerUrl,
                "  version: " + settings.mqttVersion(),
                "  reconnect: { min: 200ms, max: 5s }",
                "units:",
                "  file: units.csv",
                "storage:",
                "  state_dir: state",
                "links:",
                "  - id: poc",
                "    type: hxt",
                "    url: " + simulator.hxtUri(),
                "    token_file: hxt.token",
                "    calls_per_second: " + settings.callsPerSecond(),
                "    max_batch: 20",
                "    reconnect: { min: 200ms, max: 5s }",
                "muster:",
                "  method: " + settings.method(),
                "  attempt_timeout: " + settings.attemptTimeout().toMillis() + "ms",
                "  retries: " + settings.retries(),
                "  deadline: 120s",
                "  late_window: " + settings.lateWindow().toMillis() + "ms",
                "log:",
                "  level: warn",
                "");
        Path config = scratch.resolve("gateway.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("demo: could not stop " + started.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        started.clear();
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("demo: could not delete " + scratch + ": " + e.getMessage());
        }
    }
}
