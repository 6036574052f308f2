package dev.outpost.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads at one instant, by thread, so that two snapshots give what the threads of one
 * client (those whose name holds its marker) spent in between; and of another process (the broker), whole.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private record Sample(String name, long cpuNanos) {
    }

    private final Map<Long, Sample> samples;
    private final long processCpuNanos;

    private ThreadCpu(Map<Long, Sample> samples, long processCpuNanos) {
        this.samples = samples;
        this.processCpuNanos = processCpuNanos;
    }

    /** Every live thread's CPU time, and that of process {@code pid} (its whole CPU time; 10 ms ticks). */
    static ThreadCpu snapshot(long pid) {
        Map<Long, Sample> samples = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    samples.put(info.getThreadId(), new Sample(info.getThreadName(), cpu));
                }
            }
        }
        long process = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElse(-1L);
        return new ThreadCpu(samples, process);
    }

    /** CPU the current thread has used, for timing single calls; cheap enough to call per message. */
    static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU spent since {@code earlier} by the threads whose name contains {@code marker} (new threads from 0). */
    long threadsSince(ThreadCpu earlier, String marker) {
        long total = 0;
        for (Map.Entry<Long, Sample> entry : samples.entrySet()) {
            if (entry.getValue().name().contains(marker)) {
                Sample before = earlier.samples.get(entry.getKey());
                total += entry.getValue().cpuNanos() - (before == null ? 0 : before.cpuNanos());
            }
        }
        return total;
    }

    /** CPU the other process spent since {@code earlier}; negative if it could not be read. */
    long processSince(ThreadCpu earlier) {
        return processCpuNanos < 0 || earlier.processCpuNanos < 0 ? -1 : processCpuNanos - earlier.processCpuNanos;
    }
}
