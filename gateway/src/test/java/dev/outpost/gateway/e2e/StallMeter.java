package dev.outpost.gateway.e2e;

import dev.outpost.gateway.time.ChrtRealtimePriority;
import dev.outpost.gateway.time.RealtimePriority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures when a CPU stops running threads: one thread per CPU, pinned to it and at a real-time priority above the
 * gateway's stamping threads when the system allows, asks to sleep 1 ms over and over and notes every wake-up that
 * came more than {@link #THRESHOLD} late. Such a thread can only be kept off its CPU by the kernel itself or by the
 * hypervisor taking the virtual CPU away (steal time; this project's CI and development machines are VMs on shared
 * hosts), so a stall it sees is one that no thread on that CPU, the gateway's or the simulator's, could stamp
 * through. Printed beside timing tests' figures, so that a bad run can be told apart from a bad gateway.
 */
final class StallMeter implements AutoCloseable {
    /**
     * Pinned at real-time priority, a 1 ms sleep overruns by at most ~0.3 ms when nothing takes the CPU away (JFR's
     * park events of the meter on a quiet box: 1.01-1.31 ms), so 1 ms late is a stall. At 2 ms (first version), a
     * storm of short stalls went unrecorded and a unit delayed by several of them read as the gateway's fault.
     */
    static final Duration THRESHOLD = Duration.ofMillis(1);
    private static final long TICK_NANOS = 1_000_000L;
    private static final int METER_PRIORITY = 20;

    /** CPU {@code cpu} ran nothing of ours from {@code from} for {@code length} (beyond the 1 ms asked for). */
    record Stall(int cpu, Instant from, Duration length) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f ms on cpu %d from %s", length.toNanos() / 1e6, cpu,
                    from.toString().substring(11));
        }
    }

    private final List<Stall> stalls = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> setupProblems = new ArrayList<>();
    private volatile boolean running = true;

    private StallMeter() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int cpu = 0; cpu < cpus; cpu++) {
            int pinned = cpu;
            Thread t = new Thread(() -> run(pinned), "stall-meter-cpu" + cpu);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    static StallMeter start() {
        return new StallMeter();
    }

    private void run(int cpu) {
        setUp(cpu);
        long before = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(TICK_NANOS);
            long after = System.nanoTime();
            long late = after - before - TICK_NANOS;
            if (late > THRESHOLD.toNanos()) {
                Instant now = Instant.now();
                synchronized (stalls) {
                    stalls.add(new Stall(cpu, now.minusNanos(late), Duration.ofNanos(late)));
                }
            }
            before = after;
        }
    }

    /** Pins the calling thread to {@code cpu} (util-linux's taskset) and raises it as the gateway does. */
    private void setUp(int cpu) {
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            pin(cpu, tid);
        } catch (IOException | UnsupportedOperationException e) {
            problem("cpu " + cpu + ": " + e.getMessage());
        }
        RealtimePriority.Outcome raised = new ChrtRealtimePriority().raiseCurrentThread(METER_PRIORITY);
        if (!raised.granted()) {
            problem("cpu " + cpu + ": " + raised.detail());
        }
    }

    private void pin(int cpu, String tid) {
        String[] command = {"taskset", "-p", "-c", Integer.toString(cpu), tid};
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                problem(String.join(" ", command) + ": no answer within 5 s");
            } else if (p.exitValue() != 0) {
                problem(String.join(" ", command) + ": " + new String(p.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            problem(String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void problem(String text) {
        synchronized (setupProblems) {
            setupProblems.add(text);
        }
    }

    /** Whether every meter thread is pinned to its CPU at real-time priority (else its own waits count too). */
    boolean exact() {
        synchronized (setupProblems) {
            return setupProblems.isEmpty();
        }
    }

    List<Stall> stallsBetween(Instant from, Instant to) {
        synchronized (stalls) {
            return stalls.stream().filter(s -> !s.from().isBefore(from) && !s.from().isAfter(to)).toList();
        }
    }

    /** E.g. "3 CPU stalls over 2 ms (41 ms in all), longest 19.4 ms on cpu 1 from 09:43:24.672Z". */
    String describe(Instant from, Instant to) {
        List<Stall> seen = stallsBetween(from, to);
        Stall longest = seen.stream().max(Comparator.comparing(Stall::length)).orElse(null);
        double totalMs = seen.stream().mapToLong(s -> s.length().toNanos()).sum() / 1e6;
        String setup;
        synchronized (setupProblems) {
            setup = setupProblems.isEmpty() ? "" : " (meter not exact: " + String.join("; ", setupProblems) + ")";
        }
        return String.format(Locale.ROOT, "%d CPU stalls over %d ms (%.0f ms in all)", seen.size(),
                THRESHOLD.toMillis(), totalMs) + (longest == null ? "" : ", longest " + longest) + setup;
    }

    /** The report's instants are whole milliseconds: windows are widened by this much each side. */
    static final Duration MARGIN = Duration.ofMillis(1);

    /**
     * Whether a CPU stall overlaps the window from {@code from} to {@code to} (a leg of a call or an answer: from its
     * send to its receipt), so that the leg's delay may be the stall's and not ours.
     */
    static boolean explains(List<Stall> stalls, Instant from, Instant to) {
        Instant start = from.minus(MARGIN);
        Instant end = to.plus(MARGIN);
        return stalls.stream().anyMatch(s -> !s.from().isAfter(end) && !s.from().plus(s.length()).isBefore(start));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(1_000);
        }
    }
}
