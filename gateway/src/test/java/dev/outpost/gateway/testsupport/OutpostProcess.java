package dev.outpost.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code outpost <args>} as its own JVM, exactly as a user would (same main class, the test
 * classpath), with its output in a file. {@link #close()} sends SIGTERM, waits, then kills; a
 * shutdown hook kills it too should a test forget.
 */
public final class OutpostProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final Thread killer;

    private OutpostProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
        this.killer = new Thread(process::destroyForcibly, "outpost-process-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    private static final Path PERL = Path.of("/usr/bin/perl");

    public static OutpostProcess start(Path workDir, String... args) throws IOException {
        return start(workDir, Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code env} added to the inherited environment. */
    public static OutpostProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PERL)) {
            // A parent that ignores signals (a background job ignores SIGINT and SIGQUIT, nohup ignores SIGHUP) passes
            // that on to every child, and the JVM then leaves them ignored: reset them, as systemd does for a service.
            command.addAll(List.of(PERL.toString(), "-e",
                    "$SIG{HUP}=$SIG{INT}=$SIG{QUIT}=$SIG{TERM}='DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\";"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1")); // as the ./outpost launcher runs it
        if (runsShenandoah()) {
            command.add("-XX:+UseShenandoahGC"); // as the launcher, which picks it where the JVM has it
        }
        command.addAll(List.of("-cp", classpath, "dev.outpost.gateway.cli.OutpostCommand"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(workDir, "outpost-" + args[0] + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        return new OutpostProcess(process, output);
    }

    /** Whether this (the test) JVM runs Shenandoah, i.e. the JVM has it and the build asked for it. */
    private static boolean runsShenandoah() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().startsWith("Shenandoah"));
    }

    /** Waits (bounded) for a line of output matching {@code regex}; returns its first group, or the line. */
    public String awaitLine(String regex, Duration limit) throws IOException, InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(output)) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("outpost exited with " + process.exitValue() + " before printing /" + regex
                        + "/:\n" + output());
            }
            Thread.sleep(50); // polling a log file; bounded by the deadline
        }
        throw new AssertionError("no line matching /" + regex + "/ within " + limit + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("outpost did not die within 10 s of SIGKILL");
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a signal by name ({@code HUP}, {@code TERM}, ...) with kill(1), as systemctl reload/stop would. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd or Ctrl-C would; returns the exit code. */
    public int stop(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("outpost did not stop within " + limit + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }
}
