package dev.outpost.bench;

import dev.outpost.gateway.journal.AckStore;
import dev.outpost.gateway.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Acks per second through the journal with synchronous=FULL: one thread submits {@value #BURST} acks
 * and waits until the last is durable (futures complete in order, so the last means all). The score
 * is acks/s. {@link #oneAckPerCommit} waits for each ack before the next: the no-grouping baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JournalGroupCommitBenchmark {

    static final int BURST = 10_000;

    @Param({"4096"})
    public int maxBatch;

    private Path dir;
    private Journal journal;
    private String musterId;
    private long unit;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory(BenchJournals.directory(), "outpost-jmh-");
        journal = BenchJournals.open(dir.resolve("journal.db"), maxBatch);
        musterId = "bench-" + ProcessHandle.current().pid();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        System.out.println();
        System.out.println("journal: " + journal.stats());
        journal.close();
        BenchJournals.delete(dir.resolve("journal.db"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public boolean groupCommit() throws Exception {
        CompletableFuture<Boolean> last = null;
        for (int i = 0; i < BURST; i++) {
            last = journal.write(AckStore.insert(BenchJournals.ack(musterId, unit++)));
        }
        return last.get(60, TimeUnit.SECONDS);
    }

    @Benchmark
    public boolean oneAckPerCommit() throws Exception {
        return journal.write(AckStore.insert(BenchJournals.ack(musterId, unit++))).get(60, TimeUnit.SECONDS);
    }
}
