package dev.outpost.gateway.e2e;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the machine and the JVM went through while a timing test ran: how much of the time some task
 * waited for a CPU (Linux pressure stall information, when the kernel has it) and the JVM's GC
 * collections. Printed beside latency figures so a bad run can be told apart from a bad gateway.
 */
record MachineLoad(long nanos, long cpuStallMicros, Map<String, long[]> collectors) {
    private static final Path CPU_PRESSURE = Path.of("/proc/pressure/cpu");

    static MachineLoad now() {
        Map<String, long[]> collectors = new LinkedHashMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
        }
        return new MachineLoad(System.nanoTime(), readCpuStallMicros(), collectors);
    }

    /** E.g. "9.8 s, CPU stall 42 % of the time, ZGC Cycles 1 (52 ms), ZGC Pauses 3 (0 ms)". */
    String since(MachineLoad start) {
        double seconds = (nanos - start.nanos) / 1e9;
        String stall = cpuStallMicros < 0 || start.cpuStallMicros < 0 ? "CPU stall unknown"
                : String.format(Locale.ROOT, "CPU stall %.0f %% of the time",
                        (cpuStallMicros - start.cpuStallMicros) / 1e4 / seconds);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.1f s, %s", seconds, stall));
        collectors.forEach((name, now) -> {
            long[] then = start.collectors.getOrDefault(name, new long[2]);
            text.append(", ").append(name).append(' ').append(now[0] - then[0])
                    .append(" (").append(now[1] - then[1]).append(" ms)");
        });
        return text.toString();
    }

    /** The "some" total of /proc/pressure/cpu in µs, or -1 where the kernel does not report it. */
    private static long readCpuStallMicros() {
        try {
            for (String line : Files.readAllLines(CPU_PRESSURE)) {
                if (line.startsWith("some ")) {
                    return Long.parseLong(line.substring(line.indexOf("total=") + "total=".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
