package dev.outpost.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * {@link ClientFloor}'s command line.
 *
 * @param rates         messages/s of the paced runs
 * @param seconds       measured length of each paced run (messages = rate x seconds; as many again warm up first)
 * @param maxMessages   measured messages of the max-throughput run (0: none)
 * @param maxWarmup     warm-up messages of the max-throughput run
 * @param jitWarmup     messages each pairing carries, as fast as it can, before anything is measured
 * @param window        in-flight window of every publisher (Paho and Netty alike)
 * @param payloadBytes  message size
 * @param pairings      publisher-subscriber pairings, measured in this order at every rate
 * @param floorRunCheck also run the harness's own {@link FloorRun} at each paced rate, to show the Paho pairing
 *                      here measures what it measures
 */
record ClientFloorArgs(List<Integer> rates, int seconds, int maxMessages, int maxWarmup, int jitWarmup, int window,
                       int payloadBytes, List<PairingRun.Pairing> pairings, boolean floorRunCheck) {

    static final String USAGE = """
            usage: ClientFloor [--rates 2000,10000,50000] [--seconds S] [--max-messages N] [--max-warmup N]
                               [--jit-warmup N] [--window N] [--payload BYTES]
                               [--pairings paho-paho,netty-netty,...] [--no-floorrun]
              Paho MQTT 5 against a minimal Netty MQTT 5 client through one real Mosquitto (issue 8): one-way
              latency, throughput and CPU per client at fixed rates, and the most messages/s each pairing carries.
              --rates         messages/s of the paced runs (default 2000,10000,50000; "" for none)
              --seconds       measured seconds per paced run; the same number of messages warms up first (default 3)
              --max-messages  measured messages of the as-fast-as-the-window-allows run (default 200000; 0 skips it)
              --max-warmup    its warm-up messages (default 50000)
              --jit-warmup    messages per pairing, unreported, before the first measurement (default 50000)
              --window        most unacknowledged QoS 1 messages per publisher, 1..65535 (default 65535)
              --payload       bytes per message (default 322, an ack event's size)
              --pairings      PUBLISHER-SUBSCRIBER list, clients paho and netty
                              (default paho-paho,netty-netty,netty-paho,paho-netty)
              --no-floorrun   skip the cross-check row of the load harness's own floor (FloorRun) per paced rate""";

    /** Null when help was asked for. */
    static ClientFloorArgs parse(String[] argv) {
        List<Integer> rates = List.of(2_000, 10_000, 50_000);
        int seconds = 3;
        int maxMessages = 200_000;
        int maxWarmup = 50_000;
        int jitWarmup = 50_000;
        int window = FloorClient.MAX_WINDOW;
        int payload = 322;
        List<PairingRun.Pairing> pairings = pairings("paho-paho,netty-netty,netty-paho,paho-netty");
        boolean floorRunCheck = true;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--rates" -> rates = Arrays.stream(argv[++i].split(",")).filter(r -> !r.isBlank())
                        .map(r -> Integer.valueOf(r.trim())).toList();
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--max-messages" -> maxMessages = Integer.parseInt(argv[++i]);
                case "--max-warmup" -> maxWarmup = Integer.parseInt(argv[++i]);
                case "--jit-warmup" -> jitWarmup = Integer.parseInt(argv[++i]);
                case "--window" -> window = Integer.parseInt(argv[++i]);
                case "--payload" -> payload = Integer.parseInt(argv[++i]);
                case "--pairings" -> pairings = pairings(argv[++i]);
                case "--no-floorrun" -> floorRunCheck = false;
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + "\n" + USAGE);
            }
        }
        if (window < 1 || window > FloorClient.MAX_WINDOW) {
            throw new IllegalArgumentException("--window must be 1.." + FloorClient.MAX_WINDOW + "\n" + USAGE);
        }
        return new ClientFloorArgs(rates, seconds, maxMessages, maxWarmup, jitWarmup, window, payload, pairings, floorRunCheck);
    }

    private static List<PairingRun.Pairing> pairings(String text) {
        return Arrays.stream(text.split(",")).filter(p -> !p.isBlank()).map(PairingRun.Pairing::parse).toList();
    }
}
