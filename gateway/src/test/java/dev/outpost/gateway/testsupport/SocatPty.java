package dev.outpost.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real pseudo-terminal pair made by {@code socat}, for serial tests: whatever is written to {@link #a()} comes
 * out of {@link #b()} and back. Both ends are symbolic links (like {@code /dev/serial/by-id/...}) in a temp
 * directory, and keep their paths across {@link #unplug()} and {@link #plugIn()}, so tests can pull the "cable"
 * and put it back.
 *
 * <pre>{@code try (SocatPty pty = SocatPty.start()) { open pty.a(), talk to it through pty.b() } }</pre>
 *
 * The process is always killed by {@link #close()}, and by a JVM shutdown hook should a test forget.
 */
public final class SocatPty implements AutoCloseable {
    private static final List<Path> KNOWN_LOCATIONS = List.of(Path.of("/usr/bin/socat"), Path.of("/usr/local/bin/socat"),
            Path.of("/bin/socat"));
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(10);
    private static final String READY_LINE = "starting data transfer loop";

    private final Path executable;
    private final Path directory;
    private final Path a;
    private final Path b;
    private final Path log;
    private final Thread killer;
    private Process process;

    private SocatPty(Path executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
        this.a = directory.resolve("a");
        this.b = directory.resolve("b");
        this.log = directory.resolve("socat.log");
        this.killer = new Thread(this::kill, "socat-killer-" + directory.getFileName());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts a pair in a fresh temp directory and waits (bounded) until both ends exist and socat is relaying. */
    public static SocatPty start() throws IOException {
        SocatPty pty = new SocatPty(findExecutable(), Files.createTempDirectory("outpost-pty-"));
        try {
            pty.plugIn();
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
        return pty;
    }

    /** One end, a symbolic link to a {@code /dev/pts/N}. */
    public Path a() {
        return a;
    }

    /** The other end. */
    public Path b() {
        return b;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * (Re)creates the pair at the same paths, waiting until socat relays. The pts numbers behind the links may
     * differ from last time, as a re-plugged USB adapter's tty may.
     */
    public synchronized void plugIn() throws IOException {
        if (isRunning()) {
            return;
        }
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        process = new ProcessBuilder(executable.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (!(Files.exists(a) && Files.exists(b) && log().contains(READY_LINE))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with " + process.exitValue() + "; log:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IOException("socat did not set up " + a + " and " + b + " within " + STARTUP_LIMIT
                        + "; log:\n" + log());
            }
            pause(10);
        }
        // The next start appends to the same log; forget this one's ready line.
        Files.writeString(log, "");
    }

    /** Pulls the cable: kills socat, so both ends report EOF/EIO, and removes the links as udev would. */
    public synchronized void unplug() throws IOException {
        kill();
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }

    /** socat's log since the last {@link #plugIn()}, for failure messages. */
    public String log() {
        return TestProcesses.log(log);
    }

    @Override
    public synchronized void close() {
        kill();
        TestProcesses.forget(killer);
        TestProcesses.deleteTree(directory);
    }

    private synchronized void kill() {
        TestProcesses.stop(process);
        process = null;
    }

    private static Path findExecutable() {
        return TestProcesses.findExecutable("socat", KNOWN_LOCATIONS, "the serial tests need real pty pairs");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for socat", e);
        }
    }
}
