package dev.outpost.bench.load;

/** The floor alone (no gateway): {@code FloorOnly RATE SECONDS [PAYLOAD_BYTES]}, for checking the broker path. */
public final class FloorOnly {
    private FloorOnly() {
    }

    public static void main(String[] argv) throws Exception {
        int rate = Integer.parseInt(argv[0]);
        int messages = rate * Integer.parseInt(argv[1]);
        int bytes = argv.length > 2 ? Integer.parseInt(argv[2]) : 321;
        try (BenchBroker broker = BenchBroker.launch()) {
            for (int round = 0; round < 3; round++) {
                System.out.println(FloorRun.measure(broker.url(), rate, bytes, messages, messages));
            }
        }
    }
}
