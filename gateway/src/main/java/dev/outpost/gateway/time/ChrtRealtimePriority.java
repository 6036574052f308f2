package dev.outpost.gateway.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Linux: finds the calling thread's kernel id through {@code /proc/thread-self} and has util-linux's {@code chrt}
 * set SCHED_FIFO on it. Java 17 has no call for a thread's scheduling policy, and a child process may change the
 * policy of its parent's threads when it has the same user and either CAP_SYS_NICE or an RLIMIT_RTPRIO at least
 * the priority (sched_setscheduler(2)); the packaged service grants the latter. Runs once per thread, at its start.
 *
 * <p>With SCHED_RESET_ON_FORK: a thread this one creates (a JDK helper such as the process reaper, a pool worker
 * started by a task it submits) starts at normal priority instead of inheriting real-time scheduling.
 */
public final class ChrtRealtimePriority implements RealtimePriority {
    private static final long WAIT_SECONDS = 5;
    private final Path threadSelf;
    private final String chrt;

    public ChrtRealtimePriority() {
        this(Path.of("/proc/thread-self"), "chrt");
    }

    ChrtRealtimePriority(Path threadSelf, String chrt) {
        this.threadSelf = threadSelf;
        this.chrt = chrt;
    }

    @Override
    public Outcome raiseCurrentThread(int priority) {
        String tid;
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>" for whichever thread reads it.
            tid = Files.readSymbolicLink(threadSelf).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return Outcome.refusedBecause("cannot find the thread's id in " + threadSelf + " (not Linux?): "
                    + e.getMessage());
        }
        Process process;
        try {
            process = new ProcessBuilder(chrt, "--fifo", "--reset-on-fork", "--pid", Integer.toString(priority), tid)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Outcome.refusedBecause("cannot run " + chrt + " (install util-linux): " + e.getMessage());
        }
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Outcome.refusedBecause(chrt + " did not finish within " + WAIT_SECONDS + " s");
            }
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Outcome.GRANTED
                    : Outcome.refusedBecause(said.isEmpty() ? chrt + " exited with " + process.exitValue() : said);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Outcome.refusedBecause("interrupted while waiting for " + chrt);
        } catch (IOException e) {
            return Outcome.refusedBecause("cannot read " + chrt + "'s answer: " + e.getMessage());
        }
    }
}
