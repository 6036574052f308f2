package dev.outpost.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both mixed pairings once, as fast as they go, at a tiny scale: nothing lost, every cost read. Never a time. */
class PairingRunTest {
    @Test
    void mixedPairingsLoseNothingAndReportTheirCosts() throws Exception {
        try (BenchBroker broker = BenchBroker.launch()) {
            for (String pairing : List.of("netty-paho", "paho-netty")) {
                PairingRun.Result result = PairingRun.measure(PairingRun.Pairing.parse(pairing), broker.url(),
                        broker.pid(), 0, 322, 500, 3_000, 1_000);
                assertTrue(result.nothingLost(), result.toString());
                assertEquals(0, result.duplicates(), result.toString());
                assertEquals(3_000, result.latency().count(), result.toString());
                assertTrue(result.publisherCpuNanos() > 0 && result.subscriberCpuNanos() > 0, result.toString());
                assertTrue(result.throughput() > 0, result.toString());
            }
        }
    }
}
