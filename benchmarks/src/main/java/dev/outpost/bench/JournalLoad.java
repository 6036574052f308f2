package dev.outpost.bench;

import dev.outpost.gateway.journal.AckStore;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.journal.JournalStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Offers acks to the journal at a fixed rate (or as fast as possible with {@code --rate 0}) and
 * records each ack's time to durable: from the moment it was due to be submitted until its future
 * completed after COMMIT. Measuring from the due time, not the actual submit, keeps a stalled
 * submitter from hiding delay (coordinated omission).
 *
 * <pre>java -cp benchmarks/target/outpost-benchmarks.jar dev.outpost.bench.JournalLoad --rate 10000 --seconds 20</pre>
 */
public final class JournalLoad {

    private static final long PARK_SLACK_NANOS = 20_000;

    private final LoadArgs args;
    private final Histogram timeToDurable = new Histogram(3);
    private long measured;
    private long failed;
    private long lastDurableNanos;

    private JournalLoad(LoadArgs args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        LoadArgs args = LoadArgs.parse(argv);
        if (args == null) {
            System.out.println(LoadArgs.USAGE);
            return;
        }
        new JournalLoad(args).run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(args.dir()), "outpost-load-");
        Path file = dir.resolve("journal.db");
        Journal journal = Journal.open(JournalOptions.defaults(file).withMaxBatch(args.maxBatch()));
        try {
            String musterId = "load-" + ProcessHandle.current().pid();
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(args.warmupSeconds());
            long end = measureFrom + TimeUnit.SECONDS.toNanos(args.seconds());
            long offered = args.rate() > 0
                    ? submitPaced(journal, musterId, start, measureFrom, end)
                    : submitUnpaced(journal, musterId, measureFrom, end);
            journal.write(tx -> null).get(120, TimeUnit.SECONDS); // ops complete in order: all are durable
            report(offered, measureFrom, journal.stats());
            printCpu(journal.stats().committedOps());
        } finally {
            journal.close();
            if (!args.keep()) {
                BenchJournals.delete(file);
                Files.deleteIfExists(dir);
            }
        }
    }

    private long submitPaced(Journal journal, String musterId, long start, long measureFrom, long end) {
        double periodNanos = 1e9 / args.rate();
        long offered = 0;
        for (long i = 0; ; ) {
            long now = System.nanoTime();
            long due = start + (long) (i * periodNanos);
            if (due >= end) {
                return offered;
            }
            if (due > now) {
                LockSupport.parkNanos(Math.max(0, due - now - PARK_SLACK_NANOS));
                continue;
            }
            while (due <= now && due < end) { // catch up on everything due, as a radio burst would
                submit(journal, musterId, i, due, due >= measureFrom);
                offered += due >= measureFrom ? 1 : 0;
                i++;
                due = start + (long) (i * periodNanos);
            }
        }
    }

    private long submitUnpaced(Journal journal, String musterId, long measureFrom, long end) {
        long offered = 0;
        for (long i = 0; ; i++) {
            long now = System.nanoTime();
            if (now >= end) {
                return offered;
            }
            submit(journal, musterId, i, now, now >= measureFrom);
            offered += now >= measureFrom ? 1 : 0;
        }
    }

    /** Completion runs on the journal's writer thread, the only thread touching the histogram until the end. */
    private void submit(Journal journal, String musterId, long unit, long dueNanos, boolean measure) {
        CompletableFuture<Boolean> durable = journal.write(AckStore.insert(BenchJournals.ack(musterId, unit)));
        if (measure) {
            durable.whenComplete((inserted, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    failed++;
                    return;
                }
                timeToDurable.recordValue(now - dueNanos);
                measured++;
                lastDurableNanos = now;
            });
        }
    }

    private void report(long offered, long measureFrom, JournalStats stats) {
        double seconds = (lastDurableNanos - measureFrom) / 1e9;
        System.out.printf("mode: %s, measured %d s after %d s warm-up, max batch %d, db under %s%n",
                args.rate() > 0 ? "paced at " + args.rate() + " acks/s" : "unpaced (as fast as possible)",
                args.seconds(), args.warmupSeconds(), args.maxBatch(), args.dir());
        System.out.printf("acks offered %d, durable %d, failed %d, achieved %.0f acks/s durable%n",
                offered, measured, failed, measured / seconds);
        System.out.printf("time to durable (ms): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
                ms(timeToDurable.getValueAtPercentile(50)), ms(timeToDurable.getValueAtPercentile(90)),
                ms(timeToDurable.getValueAtPercentile(99)), ms(timeToDurable.getValueAtPercentile(99.9)),
                ms(timeToDurable.getMaxValue()));
        System.out.printf("journal (whole run): %d transactions, mean batch %.1f, largest %d, max commit %.3f ms%n",
                stats.transactions(), stats.meanBatch(), stats.largestBatch(), ms(stats.maxCommitNanos()));
    }

    /**
     * CPU per ack of the writer thread and of the submitting thread (building rows, formatting
     * timestamps, queueing): what the journal could do with a whole core each, however busy the
     * machine was during the run (this development machine is shared).
     */
    private static void printCpu(long ops) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double submitter = threads.getCurrentThreadCpuTime() / 1e3 / ops;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("outpost-journal")) {
                double writer = threads.getThreadCpuTime(info.getThreadId()) / 1e3 / ops;
                System.out.printf("CPU per ack: writer thread %.2f us (%.0f acks/s per core), submitter %.2f us%n",
                        writer, 1e6 / writer, submitter);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
