package dev.outpost.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link LoadHarness}'s command line.
 *
 * @param rates            acks/s of the hxt latency runs (floor and gateway alike)
 * @param seconds          length of each measured latency muster (units = rate x seconds), hxt and hbp
 * @param throughputUnits  units in the throughput muster (called as fast as the gateway will)
 * @param cityUnits        units of the city-scale musters: over hxt at the PoC server's default pace, and over DMR
 * @param dmrStations      simulated base stations (2 slots each) of the DMR city muster (0: none)
 * @param hbpRates         acks/s of the hbp (DMR) latency runs
 * @param hbpStations      base stations the hbp latency runs may use (their slots cap the rate)
 * @param peiRate          acks/s of the pei latency run (0: none)
 * @param peiSeconds       length of the measured pei muster
 * @param peiBaud          the simulated PEI line's speed (8N1)
 * @param cityGroups       PoC groups (streets) of the group city muster (0: none)
 * @param gatewayJvm       the gateway JVM's options (default: as the {@code ./outpost} launcher)
 */
record HarnessArgs(List<Integer> rates, int seconds, int throughputUnits, double throughputRate,
                   int cityUnits, int dmrStations, List<Integer> hbpRates, int hbpStations, int peiRate,
                   int peiSeconds, int peiBaud, int cityGroups, List<String> gatewayJvm) {

    static final String USAGE = """
            usage: LoadHarness [--quick] [--rates 2000,10000] [--seconds S] [--throughput-units N]
                               [--throughput-rate CALLS_PER_S] [--city-units N] [--dmr-stations N]
                               [--hbp-rates 2000,10000] [--hbp-stations N] [--pei-rate N] [--pei-seconds S]
                               [--pei-baud B] [--city-groups N] [--gateway-jvm "OPTIONS"]
              --quick             a short run: 1 s musters, 5,000 units for throughput, hbp at 500 acks/s,
                                  pei 5 s, no city musters
              --rates             acks/s of the hxt latency runs (default 2000,10000; "" for none)
              --seconds           measured muster length per rate, hxt and hbp (default 3)
              --throughput-units  units of the throughput muster (default 27000, a city; 0 skips it)
              --throughput-rate   the link's calls_per_second in the throughput run (default 1000000: no limit)
              --city-units        units of the city musters (hxt at 500 calls/s; DMR; PoC groups) (default 27000;
                                  0 skips them all)
              --dmr-stations      base stations (x 2 slots) of the DMR city muster (default 200; 0 skips it)
              --hbp-rates         acks/s of the hbp (DMR) latency runs (default 2000,10000; "" for none); a rate
                                  beyond --hbp-stations x 2 slots x 8.33/s is reported as not possible
              --hbp-stations      base stations the hbp runs may use (default 200)
              --pei-rate          acks/s of the pei-on-a-pty latency run (default 10; 0 skips it; needs socat)
              --pei-seconds       measured pei muster length (default 30)
              --pei-baud          the simulated PEI line's baud (default 9600)
              --city-groups       PoC groups (streets) of the group city muster (default 20; 0 skips it)
              --gateway-jvm       JVM options of the gateway process (default: as the packaged service,
                                  -XX:TieredStopAtLevel=1 -XX:+UseShenandoahGC -Xms32m -Xmx192m)""";

    /** The JVM options the packaged service runs the gateway with (/usr/bin/outpost plus outpost.service). */
    static final List<String> SERVICE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseShenandoahGC", "-Xms32m",
            "-Xmx192m");

    /** Null when help was asked for. */
    static HarnessArgs parse(String[] argv) {
        List<Integer> rates = List.of(2_000, 10_000);
        int seconds = 3;
        int throughputUnits = 27_000;
        double throughputRate = 1_000_000;
        int cityUnits = 27_000;
        int dmrStations = 200;
        List<Integer> hbpRates = List.of(2_000, 10_000);
        int hbpStations = 200;
        int peiRate = 10;
        int peiSeconds = 30;
        int peiBaud = 9_600;
        int cityGroups = 20;
        List<String> jvm = SERVICE_JVM;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick" -> {
                    seconds = 1;
                    throughputUnits = 5_000;
                    cityUnits = 0;
                    dmrStations = 0;
                    hbpRates = List.of(500);
                    peiSeconds = 5;
                }
                case "--rates" -> rates = intList(argv[++i]);
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--throughput-units" -> throughputUnits = Integer.parseInt(argv[++i]);
                case "--throughput-rate" -> throughputRate = Double.parseDouble(argv[++i]);
                case "--city-units" -> cityUnits = Integer.parseInt(argv[++i]);
                case "--dmr-stations" -> dmrStations = Integer.parseInt(argv[++i]);
                case "--hbp-rates" -> hbpRates = intList(argv[++i]);
                case "--hbp-stations" -> hbpStations = Integer.parseInt(argv[++i]);
                case "--pei-rate" -> peiRate = Integer.parseInt(argv[++i]);
                case "--pei-seconds" -> peiSeconds = Integer.parseInt(argv[++i]);
                case "--pei-baud" -> peiBaud = Integer.parseInt(argv[++i]);
                case "--city-groups" -> cityGroups = Integer.parseInt(argv[++i]);
                case "--gateway-jvm" -> jvm = new ArrayList<>(Arrays.asList(argv[++i].trim().split("\\s+")));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "\n" + USAGE);
            }
        }
        return new HarnessArgs(rates, seconds, throughputUnits, throughputRate, cityUnits, dmrStations, hbpRates,
                hbpStations, peiRate, peiSeconds, peiBaud, cityGroups, jvm.stream().filter(s -> !s.isEmpty()).toList());
    }

    private static List<Integer> intList(String text) {
        return Arrays.stream(text.split(",")).filter(r -> !r.isBlank()).map(r -> Integer.valueOf(r.trim())).toList();
    }
}
