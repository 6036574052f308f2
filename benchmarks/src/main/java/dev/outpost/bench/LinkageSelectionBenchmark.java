package dev.outpost.bench;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.linkage.LinkageLine;
import dev.outpost.gateway.linkage.LinkageRejected;
import dev.outpost.gateway.linkage.LinkageSelector;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Linkage selection (issue 6): one line of k units around a random point unit, by the brute-force
 * reference and by the index {@link LinkageSelector#of} builds, on a Tianhe-shaped registry of
 * {@code units} units; and the cost of building that index. Scores are µs per operation; queries/s
 * is 10^6 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LinkageSelectionBenchmark {
    private static final int POINTS = 4096;

    @Param({"2702", "27000"})
    public int units;

    @Param({"10"})
    public int k;

    private UnitRegistry registry;
    private LinkageSelector index;
    private LinkageSelector bruteForce;
    private String[] points;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        registry = new UnitRegistry(TianheRegistryGenerator.scale(42, units));
        index = LinkageSelector.of(registry);
        bruteForce = LinkageSelector.bruteForce(registry);
        List<String> positioned = registry.units().stream().filter(Unit::hasPosition).map(Unit::unitId).toList();
        SplittableRandom random = new SplittableRandom(7);
        points = new String[POINTS];
        for (int i = 0; i < POINTS; i++) {
            points[i] = positioned.get(random.nextInt(positioned.size()));
        }
    }

    @Benchmark
    public LinkageLine index() throws LinkageRejected {
        return index.line(nextPoint(), k);
    }

    @Benchmark
    public LinkageLine bruteForce() throws LinkageRejected {
        return bruteForce.line(nextPoint(), k);
    }

    @Benchmark
    public LinkageSelector buildIndex() {
        return LinkageSelector.of(registry);
    }

    private String nextPoint() {
        next = (next + 1) & (POINTS - 1);
        return points[next];
    }
}
