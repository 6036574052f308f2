package dev.outpost.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.cli.demo.PlatformClient;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import dev.outpost.gateway.time.GatewayClock;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost linkage}: runs a linkage drill on a running gateway over MQTT and prints its report. */
@Command(
        name = "linkage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a linkage drill on a running gateway: one point calls, one line responds, one area gathers.",
            "It selects the k nearest active units of each point, calls them (confirm unless --method says",
            "otherwise), waits for the drill to end and prints each unit's distance, outcome and ack time."
        },
        footer = {"", "Exit codes: 0 the drill ran, 1 it could not be run (the reason is printed), 2 bad options.",
            "Example: outpost linkage --broker tcp://127.0.0.1:1883 --gateway tianhe-gw-1 --point TH-0001 -k 10"})
public final class LinkageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "The MQTT broker, e.g. tcp://127.0.0.1:1883.")
    String broker;

    @Option(names = "--gateway", required = true, paramLabel = "ID", description = "The gateway id (its topics' second level).")
    String gateway;

    @Option(names = "--prefix", defaultValue = "outpost", paramLabel = "PREFIX", description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--mqtt-version", defaultValue = "5", paramLabel = "5|3.1.1", description = "MQTT version (default: ${DEFAULT-VALUE}).")
    String mqttVersion;

    @Option(names = "--point", required = true, paramLabel = "UNIT", description = "A point unit; repeat for an area.")
    List<String> points;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "Units per line (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--method", paramLabel = "METHOD", description = "poll or confirm (default: confirm).")
    String method;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS", description = "How long to wait for the report (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MqttProtocolVersion version = mqttVersion.equals("3.1.1") ? MqttProtocolVersion.V3_1_1
                : mqttVersion.equals("5") ? MqttProtocolVersion.V5 : null;
        if (version == null) {
            err.println("--mqtt-version must be 5 or 3.1.1, not '" + mqttVersion + "'");
            return ExitCodes.USAGE;
        }
        String base = prefix + "/" + gateway;
        try (PlatformClient platform = new PlatformClient(broker, version, base, GatewayClock.system())) {
            platform.connect(10_000, "response/linkage/start", "muster/+/linkage");
            ObjectNode body = MqttJson.object();
            String transaction = "linkage-cli-" + System.nanoTime();
            body.put("transaction", transaction);
            ArrayNode array = body.putArray("points");
            points.forEach(array::add);
            body.put("k", k);
            if (method != null) {
                body.put("method", method);
            }
            platform.request("linkage/start", body);
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            String musterId = null;
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                PlatformClient.Seen seen;
                try {
                    seen = platform.next(left, musterId == null ? "the reply to linkage/start" : "the drill report");
                } catch (TimeoutException e) {
                    err.println(e.getMessage() + " (is the gateway running and connected to " + broker + "?)");
                    return ExitCodes.FAILURE;
                }
                JsonNode p = seen.payload();
                if (musterId == null && seen.topic().endsWith("/response/linkage/start")
                        && transaction.equals(p.path("transaction").asText())) {
                    if (!p.path("status").asText().equals("ok")) {
                        err.println("refused: " + p.path("error").path("message").asText());
                        return ExitCodes.FAILURE;
                    }
                    musterId = p.path("data").path("muster_id").asText();
                    out.printf(Locale.ROOT, "drill %s: calling %d units (%d skipped)...%n", musterId,
                            p.path("data").path("linkage").size(), p.path("data").path("skipped").asInt());
                    out.flush();
                } else if (musterId != null && seen.topic().equals(base + "/muster/" + musterId + "/linkage")) {
                    print(out, p);
                    return ExitCodes.OK;
                }
            }
        }
    }

    private static void print(PrintWriter out, JsonNode report) {
        for (JsonNode line : report.path("lines")) {
            out.printf(Locale.ROOT, "line of %s: %d/%d acked; first %s, fifth %s, last %s; %d gathered%n",
                    line.path("point").asText(), line.path("acked").asInt(), line.path("units").asInt(),
                    ms(line.path("first_ack_ms")), ms(line.path("fifth_ack_ms")), ms(line.path("last_ack_ms")),
                    line.path("gathered").asInt());
        }
        out.printf(Locale.ROOT, "  %-12s %-12s %10s %-12s %10s%n", "unit", "point", "distance", "outcome", "ack");
        for (JsonNode u : report.path("units")) {
            out.printf(Locale.ROOT, "  %-12s %-12s %8.0f m %-12s %10s%n", u.path("unit_id").asText(),
                    u.path("point").asText(), u.path("distance_m").asDouble(), u.path("outcome").asText(),
                    ms(u.path("ack_after_ms")));
        }
    }

    private static String ms(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%,.0f ms", value.asDouble()) : "-";
    }
}
