package dev.outpost.bench.load;

import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.Unit;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An Outpost gateway as its own JVM ({@code outpost run}, the launcher's JVM options), configured with links to
 * the harness's simulator and its journal in a temporary state directory, so that its CPU time, RSS and heap
 * are its own. Closing it sends SIGTERM (then SIGKILL) and deletes its directory.
 */
final class GatewayProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path directory;
    private final Process process;
    private final int httpPort;
    private final ChildProcess child;
    final String base;
    final long startedAt;
    final long readyAt;

    /**
     * What the gateway is started with.
     *
     * @param linksYaml the config's {@code links:} entries (indented list items)
     * @param files     files written beside the config first (token, passphrase), by name
     * @param sectionsYaml more top-level sections ({@code groups:}), or empty
     */
    record Settings(String gatewayId, String brokerUrl, String linksYaml, java.util.Map<String, String> files,
                    List<String> jvmOptions, String sectionsYaml) {
        Settings(String gatewayId, String brokerUrl, String linksYaml, java.util.Map<String, String> files,
                 List<String> jvmOptions) {
            this(gatewayId, brokerUrl, linksYaml, files, jvmOptions, "");
        }

        Settings withSections(String yaml) {
            return new Settings(gatewayId, brokerUrl, linksYaml, files, jvmOptions, yaml);
        }
    }

    /** One hxt link {@code poc} with its token in {@code hxt.token}. */
    static Settings hxt(String gatewayId, String brokerUrl, URI hxtUri, String token, double callsPerSecond,
                        int maxBatch, List<String> jvmOptions) {
        String links = String.join("\n",
                "  - id: poc",
                "    type: hxt",
                "    url: " + hxtUri,
                "    token_file: hxt.token",
                "    calls_per_second: " + String.format(Locale.ROOT, "%.1f", callsPerSecond),
                "    max_batch: " + maxBatch,
                "");
        return new Settings(gatewayId, brokerUrl, links, java.util.Map.of("hxt.token", token + "\n"), jvmOptions);
    }

    private GatewayProcess(Path directory, Process process, int httpPort, String base, long startedAt, long readyAt) {
        this.directory = directory;
        this.process = process;
        this.httpPort = httpPort;
        this.base = base;
        this.startedAt = startedAt;
        this.readyAt = readyAt;
        // Stopping flushes the journal and publishes offline: a longer grace than a broker needs.
        this.child = new ChildProcess(process, directory, Duration.ofSeconds(20), "bench-gateway");
    }

    /** Writes the config and registry, starts the gateway and waits (bounded) until it notified READY=1. */
    static GatewayProcess start(Settings settings, List<Unit> units) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("outpost-bench-gateway-");
        int httpPort = BenchBroker.freePort();
        try (Writer w = Files.newBufferedWriter(directory.resolve("units.csv"), StandardCharsets.UTF_8)) {
            RegistryCsv.write(units, w);
        }
        for (var file : settings.files().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
        Path config = directory.resolve("gateway.yaml");
        Files.writeString(config, config(settings, httpPort));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-cp", absoluteClassPath(), "dev.outpost.gateway.cli.OutpostCommand",
                "run", "--config", config.toString()));
        try (ReadyListener notify = new ReadyListener(directory.resolve("notify.sock"))) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("gateway.log").toFile());
            builder.environment().put("NOTIFY_SOCKET", notify.address());
            long startedAt = System.nanoTime();
            Process process = builder.start();
            long readyAt = notify.awaitReady(process, 60, TimeUnit.SECONDS);
            GatewayProcess gateway = new GatewayProcess(directory, process, httpPort,
                    "outpost/" + settings.gatewayId(), startedAt, readyAt);
            if (readyAt < 0) {
                String log = gateway.log();
                gateway.close();
                throw new IOException("the gateway did not notify READY=1 (or exited); its log:\n" + log);
            }
            return gateway;
        }
    }

    /**
     * The harness's class path with absolute entries: the gateway runs in its own directory. Under Maven's test
     * runner {@code java.class.path} is only its booter, so its own property comes first.
     */
    private static String absoluteClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .map(entry -> entry.endsWith("*") ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath()
                        + java.io.File.separator + "*" : Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String config(Settings s, int httpPort) {
        return String.join("\n",
                "gateway: { id: " + s.gatewayId() + " }",
                "mqtt:",
                "  url: " + s.brokerUrl(),
                "  version: 5",
                "units: { file: units.csv }",
                "storage: { state_dir: state }",
                "links:",
                s.linksYaml(),
                "muster:",
                "  method: poll",
                "  attempt_timeout: 20s",
                "  retries: 0",
                "  deadline: 300s",
                "  late_window: 0s",
                "log: { level: warn }",
                "http: { listen: 127.0.0.1:" + httpPort + " }",
                s.sectionsYaml());
    }

    /** Milliseconds from process start to READY=1. */
    double readyMillis() {
        return (readyAt - startedAt) / 1e6;
    }

    /** User + system CPU time of the whole gateway JVM so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** A {@code kB} line of {@code /proc/<pid>/status} (VmHWM = peak RSS, VmRSS = now), in MiB. */
    double procStatusMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Heap in use now (sum of the heap pools in the gateway's own {@code /metrics}), in MiB. */
    double heapUsedMiB() {
        return metric("jvm_memory_used_bytes{", "area=\"heap\"") / (1024.0 * 1024.0);
    }

    /**
     * The sum of the gateway's Prometheus samples whose line starts with {@code prefix} and contains {@code label}
     * (its {@code /metrics}); NaN when it cannot be read or has no such sample (so a renamed metric cannot pass for 0).
     */
    double metric(String prefix, String label) {
        try {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double[] values = reply.body().lines()
                    .filter(l -> l.startsWith(prefix) && l.contains(label))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .toArray();
            return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    String log() {
        try {
            return Files.readString(directory.resolve("gateway.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
