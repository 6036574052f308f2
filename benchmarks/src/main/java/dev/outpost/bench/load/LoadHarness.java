package dev.outpost.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 8's load harness: a real Mosquitto, the floor (publisher -> broker -> subscriber), the gateway's added
 * latency over hxt, hbp (DMR) and pei (a pty) at fixed rates, the end-to-end throughput, the gateway's costs and the
 * city musters (hxt listing units, DMR, hxt with PoC groups); prints a table and one JSON line ({@code RESULT_JSON {...}}). See docs/BENCHMARKS.md, "Load harness", and {@link HarnessArgs#USAGE}.
 */
public final class LoadHarness {
    /** A muster to warm the gateway's JIT, then the measured one. */
    private static final int MUSTERS = 2;
    /** Units per hxt roll call, as the example config. */
    private static final int MAX_BATCH = 20;
    /** The hxt link's default pace (a PoC server's rate limit), at which the city muster calls. */
    private static final double CITY_CALLS_PER_SECOND = 500;
    /** The floor's payload when no ack was seen (the size of a typical muster ack). */
    private static final int DEFAULT_ACK_BYTES = 300;

    private LoadHarness() {
    }

    public static void main(String[] argv) throws Exception {
        HarnessArgs args = HarnessArgs.parse(argv);
        if (args == null) {
            System.out.println(HarnessArgs.USAGE);
            return;
        }
        HarnessReport report = run(args, System.out::println);
        System.out.println(report.table());
        System.out.println("RESULT_JSON " + report.json());
    }

    /** Runs every part with one broker; {@code progress} gets a line as each part finishes. */
    static HarnessReport run(HarnessArgs args, java.util.function.Consumer<String> progress) throws Exception {
        List<HarnessReport.RateRow> rows = new ArrayList<>();
        ScenarioRun.Result throughput;
        ScenarioRun.Result city = null;
        DmrCityRun.Result dmrCity = null;
        List<HbpLatencyRun.Row> hbpRows = new ArrayList<>();
        PeiLatencyRun.Row pei = null;
        GroupCityRun.Result groupCity = null;
        try (BenchBroker broker = BenchBroker.launch()) {
            for (int rate : args.rates()) {
                ScenarioRun.Result gateway = ScenarioRun.run("latency@" + rate, broker, rate * args.seconds(), rate,
                        MAX_BATCH, MUSTERS, args.gatewayJvm());
                gateway.musters().forEach(m -> progress.accept("gateway at " + rate + " acks/s: " + m));
                int ackBytes = gateway.measured().ackBytes() > 0 ? gateway.measured().ackBytes() : DEFAULT_ACK_BYTES;
                int messages = rate * args.seconds();
                FloorRun.Result floor = FloorRun.measure(broker.url(), rate, ackBytes, messages, messages);
                progress.accept("floor at " + rate + " msgs/s, " + ackBytes + " B: " + floor);
                rows.add(new HarnessReport.RateRow(rate, ackBytes, floor, gateway));
            }
            for (int rate : args.hbpRates()) {
                HbpLatencyRun.Row row = HbpLatencyRun.run(broker, rate, args.seconds(), args.hbpStations(),
                        args.gatewayJvm());
                progress.accept("hbp at " + rate + " acks/s: " + row);
                hbpRows.add(row);
            }
            if (args.peiRate() > 0) {
                pei = PeiLatencyRun.run(broker, args.peiRate(), args.peiSeconds(), args.peiBaud(), args.gatewayJvm());
                progress.accept("pei at " + args.peiRate() + " acks/s: " + pei);
            }
            throughput = args.throughputUnits() == 0 ? null : ScenarioRun.run("throughput", broker,
                    args.throughputUnits(), args.throughputRate(), MAX_BATCH, MUSTERS, args.gatewayJvm());
            if (throughput != null) {
                progress.accept("throughput: " + throughput.measured());
            }
            if (args.cityUnits() > 0) {
                // One muster: at 500 calls/s a warm-up would double a minute-long run, and the JIT is warm within seconds.
                city = ScenarioRun.run("city (hxt)", broker, args.cityUnits(), CITY_CALLS_PER_SECOND, MAX_BATCH, 1,
                        args.gatewayJvm());
                progress.accept("city: " + city.measured());
            }
            if (args.cityUnits() > 0 && args.dmrStations() > 0) {
                dmrCity = DmrCityRun.run(broker, args.cityUnits(), args.dmrStations(), args.gatewayJvm());
                progress.accept("city over DMR: " + dmrCity);
            }
            if (args.cityUnits() > 0 && args.cityGroups() > 0) {
                groupCity = GroupCityRun.run(broker, args.cityUnits(), args.cityGroups(), CITY_CALLS_PER_SECOND,
                        args.gatewayJvm());
                progress.accept("city over PoC groups: " + groupCity);
            }
        }
        return new HarnessReport(args, rows, throughput, city, dmrCity, hbpRows, pei, groupCity);
    }
}
