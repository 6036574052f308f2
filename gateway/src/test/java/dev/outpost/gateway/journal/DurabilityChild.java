package dev.outpost.gateway.journal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link JournalDurabilityTest}: journals acks as fast as it can and prints
 * "DURABLE n" once ack n's future has completed, until it is killed.
 */
public final class DurabilityChild {

    static final String PREFIX = "DURABLE ";
    static final String MUSTER = "kill-muster";
    static final int MAX_ACKS = 5_000_000; // bounded: the parent kills it long before this

    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.open(JournalOptions.defaults(Path.of(args[0])));
        for (int seq = 1; seq <= MAX_ACKS; seq++) {
            int n = seq;
            journal.write(AckStore.insert(Rows.ack(MUSTER, unitId(n), Instant.now()))).thenRun(() -> {
                System.out.println(PREFIX + n);
                System.out.flush();
            });
        }
        journal.close();
    }

    static String unitId(int seq) {
        return "unit-" + seq;
    }
}
