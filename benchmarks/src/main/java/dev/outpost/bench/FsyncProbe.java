package dev.outpost.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The disk's own floor for time to durable: rewrites one 4 KiB block and fdatasyncs it, over and
 * over, and prints the latency percentiles. No journal can commit faster than this disk syncs, so
 * run it next to {@link JournalLoad} to tell the journal's share of a tail from the disk's.
 *
 * <pre>java -cp benchmarks/target/outpost-benchmarks.jar dev.outpost.bench.FsyncProbe [seconds] [dir]</pre>
 */
public final class FsyncProbe {

    private FsyncProbe() {
    }

    public static void main(String[] argv) throws Exception {
        int seconds = argv.length > 0 ? Integer.parseInt(argv[0]) : 10;
        Path dir = argv.length > 1 ? Path.of(argv[1]) : BenchJournals.directory();
        Path file = Files.createTempFile(dir, "outpost-fsync-", ".probe");
        Histogram latency = new Histogram(3);
        ByteBuffer block = ByteBuffer.allocateDirect(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                block.clear();
                channel.write(block, 0);
                latency.recordValue(System.nanoTime() - now);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf("4 KiB O_DSYNC writes under %s: %d in %d s; latency (ms) p50 %.3f  p90 %.3f  p99 %.3f"
                        + "  p99.9 %.3f  max %.3f%n", dir, latency.getTotalCount(), seconds,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getValueAtPercentile(99.9) / 1e6,
                latency.getMaxValue() / 1e6);
    }
}
