package dev.outpost.gateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.cli.ExitCodes;
import dev.outpost.gateway.cli.Logging;
import dev.outpost.gateway.cli.VersionProvider;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost demo}: one PoC roll call of a simulated district, end to end, with no setup. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs one muster of a simulated Tianhe-like district (2,702 units in 21 streets) end to end:",
            "an embedded MQTT broker (unless --broker), the PoC simulator and the gateway, all in this process.",
            "The muster is requested over MQTT like a command platform would, its progress is shown live,",
            "and the result is summarised: response rate, latency percentiles, classes and streets, and the",
            "measured latency checked against the simulator's ground truth."
        },
        footer = {"", "Example: outpost demo --report r.json"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--broker", paramLabel = "URL",
            description = "Use this MQTT broker (e.g. tcp://127.0.0.1:1883) instead of the embedded one.")
    String broker;

    @Option(names = "--mqtt-version", paramLabel = "5|3.1.1",
            description = "MQTT version to speak (default: 3.1.1 with the embedded broker, which supports only that; else 5).")
    String mqttVersion;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the full muster report (JSON) to FILE.")
    Path report;

    @Option(names = "--method", paramLabel = "poll|confirm", defaultValue = "confirm",
            description = "poll: terminals auto-confirm (~40 ms); confirm: a person presses a key (seconds). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--seed", defaultValue = "2702", description = "Seed of the simulated district and its behaviour (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-answer", paramLabel = "FRACTION", defaultValue = "0.01",
            description = "Share of online units that never answer (default: ${DEFAULT-VALUE}).")
    double noAnswer;

    @Option(names = "--late", paramLabel = "FRACTION", defaultValue = "0.01",
            description = "Share of online units that answer only after their deadline (default: ${DEFAULT-VALUE}).")
    double late;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "Log level of the gateway's own log lines (default: ${DEFAULT-VALUE}).")
    String logLevel;

    @Override
    public Integer call() throws Exception {
        Logging.setLevel(logLevel);
        if (!method.equals("poll") && !method.equals("confirm")) {
            System.err.println("demo: --method must be poll or confirm, not '" + method + "'");
            return ExitCodes.USAGE;
        }
        if (noAnswer < 0 || late < 0 || noAnswer + late > 1) {
            System.err.println("demo: --no-answer and --late must be fractions (0..1) adding up to at most 1");
            return ExitCodes.USAGE;
        }
        String version = mqttVersion != null ? mqttVersion : broker == null ? "3.1.1" : "5";
        MqttProtocolVersion protocol;
        try {
            protocol = MqttProtocolVersion.parse(version);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DemoSettings settings = new DemoSettings(broker, protocol.label(), seed, method, Duration.ofSeconds(8), 1,
                Duration.ofSeconds(15), 500, noAnswer, late);
        return run(settings, protocol);
    }

    private int run(DemoSettings settings, MqttProtocolVersion protocol) throws Exception {
        long t0 = System.nanoTime();
        DemoConsole console = new DemoConsole(System.out, System.console() != null);
        List<Unit> units = TianheRegistryGenerator.generate(settings.seed());
        console.line(String.format(Locale.ROOT, "Outpost demo: simulated Tianhe district, %,d units in 21 streets", units.size()));
        GatewayClock clock = GatewayClock.system();
        try (DemoWorld world = new DemoWorld(settings, units, clock, VersionProvider.version());
             PlatformClient platform = new PlatformClient(world.brokerUrl, protocol, world.gateway.baseTopic(), clock)) {
            console.line("  broker     " + (settings.brokerUrl() == null ? "embedded Moquette at " : "") + world.brokerUrl
                    + " (MQTT " + protocol.label() + ")");
            console.line("  PoC        simulator at " + world.simulator.hxtUri());
            platform.connect(15_000);
            DemoMuster muster = new DemoMuster(platform, console);
            muster.awaitLinkUp("poc", 20_000);
            console.line(String.format(Locale.ROOT, "  gateway    link poc up after %.1f s; starting a %s muster of all units",
                    (System.nanoTime() - t0) / 1e9, settings.method()));
            JsonNode result = muster.run(startRequest(settings), 150_000);
            console.summary(result, settings);
            console.accuracy(result, world.simulator.groundTruth());
            console.durability(world.gateway.meters().ackDurable());
            if (report != null) {
                Path parent = report.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(report, MqttJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                console.line("  report     written to " + report);
            }
        }
        console.line(String.format(Locale.ROOT, "Demo finished in %.1f s.", (System.nanoTime() - t0) / 1e9));
        return ExitCodes.OK;
    }

    private static ObjectNode startRequest(DemoSettings settings) {
        ObjectNode body = MqttJson.object();
        body.putObject("scope").put("type", "all");
        body.put("method", settings.method());
        body.put("label", "outpost demo");
        body.put("transaction", "demo-" + Long.toHexString(System.nanoTime()));
        return body;
    }
}
