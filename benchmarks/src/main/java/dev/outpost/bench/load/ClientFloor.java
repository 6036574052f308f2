package dev.outpost.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Is the Paho client a limit (issue 8)? The broker floor measured with each pairing of Paho and a minimal Netty
 * MQTT client as publisher and subscriber, through one real Mosquitto, at fixed rates and as fast as the in-flight
 * window allows. Pairings take turns at each rate, so that a change in the shared machine's load falls on all of
 * them alike, after every pairing has first carried an unreported JIT warm-up burst. Prints one line per measurement, a markdown table and a {@code RESULT_JSON} line.
 */
public final class ClientFloor {
    private ClientFloor() {
    }

    public static void main(String[] argv) throws Exception {
        ClientFloorArgs args;
        try {
            args = ClientFloorArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (args == null) {
            System.out.println(ClientFloorArgs.USAGE);
            return;
        }
        List<PairingRun.Result> results = run(args, System.out::println);
        System.out.println();
        System.out.println(table(args, results));
        System.out.println("RESULT_JSON " + json(args, results));
    }

    static List<PairingRun.Result> run(ClientFloorArgs args, Consumer<String> progress) throws Exception {
        List<PairingRun.Result> results = new ArrayList<>();
        try (BenchBroker broker = BenchBroker.launch()) {
            for (PairingRun.Pairing pairing : args.pairings()) { // JIT warm-up of both clients' code; not reported
                PairingRun.measure(pairing, broker.url(), broker.pid(), 0, args.payloadBytes(), 0, args.jitWarmup(),
                        args.window());
            }
            progress.accept("JIT warm-up done: " + args.jitWarmup() + " messages per pairing");
            for (int rate : args.rates()) {
                int messages = rate * args.seconds();
                for (PairingRun.Pairing pairing : args.pairings()) {
                    results.add(report(progress, PairingRun.measure(pairing, broker.url(), broker.pid(), rate,
                            args.payloadBytes(), messages, messages, args.window())));
                }
                if (args.floorRunCheck()) {
                    FloorRun.Result floor = FloorRun.measure(broker.url(), rate, args.payloadBytes(), messages, messages);
                    results.add(report(progress, new PairingRun.Result("paho->paho (FloorRun)", rate, floor.sent(),
                            floor.received(), 0, 0, floor.latency(), Double.NaN, -1, -1, -1)));
                }
            }
            if (args.maxMessages() > 0) {
                for (PairingRun.Pairing pairing : args.pairings()) {
                    results.add(report(progress, PairingRun.measure(pairing, broker.url(), broker.pid(), 0,
                            args.payloadBytes(), args.maxWarmup(), args.maxMessages(), args.window())));
                }
            }
        }
        return results;
    }

    private static PairingRun.Result report(Consumer<String> progress, PairingRun.Result result) {
        progress.accept(result.toString());
        return result;
    }

    static String table(ClientFloorArgs args, List<PairingRun.Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Client floor: QoS 1, %d B, window %d, one Mosquitto on loopback; latency one-way in ms; CPU in ms "
                        + "per 10,000 measured messages (publisher: its threads + the caller inside publish)%n%n",
                args.payloadBytes(), args.window()));
        out.append("| pairing | offered/s | sent | received | lost | dup | count | p50 | p99 | p99.9 | max "
                + "| received/s | pub CPU | sub CPU | broker CPU |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PairingRun.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s |%n",
                    r.pairing(), r.rate() == 0 ? "max" : String.format(Locale.ROOT, "%,d", r.rate()), r.sent(),
                    r.received(), r.sent() - r.received(), r.duplicates(), r.latency().cells(),
                    Double.isNaN(r.throughput()) ? "-" : String.format(Locale.ROOT, "%,.0f", r.throughput()),
                    cpu(r.per10k(r.publisherCpuNanos())), cpu(r.per10k(r.subscriberCpuNanos())),
                    cpu(r.per10k(r.brokerCpuNanos()))));
        }
        return out.toString();
    }

    static String json(ClientFloorArgs args, List<PairingRun.Result> results) {
        List<String> rows = new ArrayList<>();
        for (PairingRun.Result r : results) {
            rows.add(String.format(Locale.ROOT, "{\"pairing\":\"%s\",\"rate\":%d,\"sent\":%d,\"received\":%d,"
                            + "\"duplicates\":%d,\"rejected\":%d,\"nothing_lost\":%b,\"latency\":%s,"
                            + "\"received_per_s\":%s,\"pub_cpu_ms_per_10k\":%s,\"sub_cpu_ms_per_10k\":%s,"
                            + "\"broker_cpu_ms_per_10k\":%s}", r.pairing(), r.rate(), r.sent(), r.received(),
                    r.duplicates(), r.rejected(), r.nothingLost(), r.latency().json(), number(r.throughput()),
                    number(r.per10k(r.publisherCpuNanos())), number(r.per10k(r.subscriberCpuNanos())),
                    number(r.per10k(r.brokerCpuNanos()))));
        }
        return String.format(Locale.ROOT, "{\"payload_bytes\":%d,\"window\":%d,\"seconds\":%d,\"results\":[%s]}",
                args.payloadBytes(), args.window(), args.seconds(), String.join(",", rows));
    }

    private static String cpu(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }
}
