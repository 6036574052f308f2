package dev.outpost.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by {@code socat} (as a USB serial cable would be seen): the gateway opens {@link #a()},
 * the simulated radio {@link #b()}. Closing kills socat and removes its directory.
 */
final class BenchPty implements AutoCloseable {
    private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/socat"), Path.of("/usr/local/bin/socat"),
            Path.of("/bin/socat"));
    private static final String READY_LINE = "starting data transfer loop";
    private static final long STARTUP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path directory;
    private final ChildProcess child;

    private BenchPty(Path directory, Process process) {
        this.directory = directory;
        this.child = new ChildProcess(process, directory, Duration.ofSeconds(2), "bench-socat");
    }

    /** socat's path, or empty when it is not installed. */
    static Optional<Path> socat() {
        return KNOWN.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts a pair and waits (bounded) until both ends exist and socat relays. */
    static BenchPty start(Path socat) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("outpost-bench-pty-");
        Path log = directory.resolve("socat.log");
        Process process = new ProcessBuilder(socat.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + directory.resolve("a"), "pty,raw,echo=0,link=" + directory.resolve("b"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchPty pty = new BenchPty(directory, process);
        long deadline = System.nanoTime() + STARTUP_NANOS;
        while (!(Files.exists(pty.a()) && Files.exists(pty.b()) && Files.readString(log).contains(READY_LINE))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String text = Files.readString(log);
                pty.close();
                throw new IOException("socat did not set up a pty pair within 10 s; its log:\n" + text);
            }
            Thread.sleep(10);
        }
        return pty;
    }

    Path a() {
        return directory.resolve("a");
    }

    Path b() {
        return directory.resolve("b");
    }

    @Override
    public void close() {
        child.close();
    }
}
