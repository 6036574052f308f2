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
 * @param cityUnits        units of the city-scale musters: over hxt at the PoC server's default pace, and over DMR
 * @param dmrStations      simulated base stations (2 slots each) of the DMR city muster (0: none)
 * @param gatewayJvm       the gateway JVM's options (default: as the {@code ./outpost} launcher)
 */
record HarnessArgs(List<Integer> rates, int seconds, int throughputUnits, double throughputRate,
                   int cityUnits, int dmrStations, List<String> gatewayJvm) {

    static final String USAGE = """
            usage: LoadHarness [--quick] [--rates 2000,10000] [--seconds S] [--throughput-units N]
                               [--throughput-rate CALLS_PER_S] [--city-units N] [--dmr-stations N]
                               [--gateway-jvm "OPTIONS"]
              --quick             a short run: 1 s musters, 5,000 units for throughput, no city muster
              --rates             acks/s of the latency runs (default 2000,10000; "" for none)
              --seconds           measured muster length per rate (default 3)
              --throughput-units  units of the throughput muster (default 27000, a city; 0 skips it)
              --throughput-rate   the link's calls_per_second in the throughput run (default 1000000: no limit)
              --city-units        units of the city musters (hxt at 500 calls/s; DMR) (default 27000; 0 skips both)
              --dmr-stations      base stations (x 2 slots) of the DMR city muster (default 200; 0 skips it)
              --gateway-jvm       JVM options of the gateway process (default -XX:TieredStopAtLevel=1)""";

    /** Null when help was asked for. */
    static HarnessArgs parse(String[] argv) {
        List<Integer> rates = List.of(2_000, 10_000);
        int seconds = 3;
        int throughputUnits = 27_000;
        double throughputRate = 1_000_000;
        int cityUnits = 27_000;
        int dmrStations = 200;
        List<String> jvm = List.of("-XX:TieredStopAtLevel=1");
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick" -> {
                    seconds = 1;
                    throughputUnits = 5_000;
                    cityUnits = 0;
                    dmrStations = 0;
                }
                case "--rates" -> rates = Arrays.stream(argv[++i].split(",")).filter(r -> !r.isBlank())
                        .map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--throughput-units" -> throughputUnits = Integer.parseInt(argv[++i]);
                case "--throughput-rate" -> throughputRate = Double.parseDouble(argv[++i]);
                case "--city-units" -> cityUnits = Integer.parseInt(argv[++i]);
                case "--dmr-stations" -> dmrStations = Integer.parseInt(argv[++i]);
                case "--gateway-jvm" -> jvm = new ArrayList<>(Arrays.asList(argv[++i].trim().split("\\s+")));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "\n" + USAGE);
            }
        }
        return new HarnessArgs(rates, seconds, throughputUnits, throughputRate, cityUnits, dmrStations,
                jvm.stream().filter(s -> !s.isEmpty()).toList());
    }
}
