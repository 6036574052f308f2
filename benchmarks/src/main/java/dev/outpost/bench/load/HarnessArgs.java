package dev.outpost.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link LoadHarness}'s command line.
 *
 * @param rates            acks/s of the latency runs (floor and gateway alike)
 * @param seconds          length of each measured latency muster (units = rate x seconds)
 * @param throughputUnits  units in the throughput muster (called as fast as the gateway will)
 * @param gatewayJvm       the gateway JVM's options (default: as the {@code ./outpost} launcher)
 */
record HarnessArgs(List<Integer> rates, int seconds, int throughputUnits, double throughputRate,
                   List<String> gatewayJvm) {

    static final String USAGE = """
            usage: LoadHarness [--quick] [--rates 2000,10000] [--seconds S] [--throughput-units N]
                               [--throughput-rate CALLS_PER_S] [--gateway-jvm "OPTIONS"]
              --quick             a short run: 1 s musters, 5,000 units for throughput
              --rates             acks/s of the latency runs (default 2000,10000)
              --seconds           measured muster length per rate (default 3)
              --throughput-units  units of the throughput muster (default 27000, a city; 0 skips it)
              --throughput-rate   the link's calls_per_second in the throughput run (default 1000000: no limit)
              --gateway-jvm       JVM options of the gateway process (default -XX:TieredStopAtLevel=1)""";

    /** Null when help was asked for. */
    static HarnessArgs parse(String[] argv) {
        List<Integer> rates = List.of(2_000, 10_000);
        int seconds = 3;
        int throughputUnits = 27_000;
        double throughputRate = 1_000_000;
        List<String> jvm = List.of("-XX:TieredStopAtLevel=1");
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick" -> {
                    seconds = 1;
                    throughputUnits = 5_000;
                }
                case "--rates" -> rates = Arrays.stream(argv[++i].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--throughput-units" -> throughputUnits = Integer.parseInt(argv[++i]);
                case "--throughput-rate" -> throughputRate = Double.parseDouble(argv[++i]);
                case "--gateway-jvm" -> jvm = new ArrayList<>(Arrays.asList(argv[++i].trim().split("\\s+")));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "\n" + USAGE);
            }
        }
        return new HarnessArgs(rates, seconds, throughputUnits, throughputRate,
                jvm.stream().filter(s -> !s.isEmpty()).toList());
    }
}
