package dev.outpost.bench;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.linkage.LinkageRejected;
import dev.outpost.gateway.linkage.LinkageSelector;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Linkage selection timed by this thread's CPU time as well as wall time. On a shared machine the
 * JMH scores ({@link LinkageSelectionBenchmark}) include time spent waiting for a core; CPU time
 * does not, so it shows what a query costs when the gateway gets its core.
 *
 * <pre>java -cp benchmarks/target/outpost-benchmarks.jar dev.outpost.bench.LinkageCpuProbe [rounds]</pre>
 */
public final class LinkageCpuProbe {
    private static final int K = LinkageSelector.DEFAULT_K;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LinkageCpuProbe() {
    }

    public static void main(String[] argv) throws LinkageRejected {
        int rounds = argv.length > 0 ? Integer.parseInt(argv[0]) : 5;
        for (int units : new int[] {TianheRegistryGenerator.TIANHE_UNITS, 27_000}) {
            UnitRegistry registry = new UnitRegistry(TianheRegistryGenerator.scale(42, units));
            String[] points = points(registry, 4096);
            LinkageSelector bruteForce = LinkageSelector.bruteForce(registry);
            for (int round = 0; round < rounds; round++) {
                long[] build = time(() -> LinkageSelector.of(registry));
                LinkageSelector index = LinkageSelector.of(registry);
                long[] fast = timeQueries(index, points, 20_000);
                long[] slow = timeQueries(bruteForce, points, units > 10_000 ? 200 : 2_000);
                System.out.printf("units %,6d round %d: build %.2f ms cpu (%.2f wall); index %.2f us/query cpu"
                                + " (%.2f wall); brute force %.1f us/query cpu (%.1f wall); ratio (cpu) %.0fx%n",
                        units, round, build[0] / 1e6, build[1] / 1e6, fast[0] / 1e3, fast[1] / 1e3,
                        slow[0] / 1e3, slow[1] / 1e3, (double) slow[0] / fast[0]);
            }
        }
    }

    /** CPU and wall nanoseconds per query, over {@code queries} lines after as many to warm up. */
    private static long[] timeQueries(LinkageSelector selector, String[] points, int queries) throws LinkageRejected {
        long sink = 0;
        for (int i = 0; i < queries; i++) {
            sink += selector.line(points[i % points.length], K).units().size();
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < queries; i++) {
            sink += selector.line(points[(i * 7 + 3) % points.length], K).units().size();
        }
        long[] out = {(THREADS.getCurrentThreadCpuTime() - cpu) / queries, (System.nanoTime() - wall) / queries};
        if (sink == 42) {
            System.out.println(); // keeps the JIT from dropping the queries
        }
        return out;
    }

    private static long[] time(Runnable task) {
        task.run(); // warm
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int repeats = 10;
        for (int i = 0; i < repeats; i++) {
            task.run();
        }
        return new long[] {(THREADS.getCurrentThreadCpuTime() - cpu) / repeats, (System.nanoTime() - wall) / repeats};
    }

    private static String[] points(UnitRegistry registry, int count) {
        List<String> positioned = registry.units().stream().filter(Unit::hasPosition).map(Unit::unitId).toList();
        SplittableRandom random = new SplittableRandom(7);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = positioned.get(random.nextInt(positioned.size()));
        }
        return out;
    }
}
