package dev.outpost.simulator.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair made by {@code socat}, as a null-modem cable between a simulated radio ({@link #radioEnd()}) and
 * a test terminal ({@link #terminalEnd()}). Killing it is unplugging the cable; {@link #start} again with the
 * same links plugs it back in.
 */
public final class SocatPair implements AutoCloseable {
    private static final long LINK_WAIT_MS = 5_000;

    private final Path radioEnd;
    private final Path terminalEnd;
    private Process process;

    public SocatPair(Path dir) {
        this.radioEnd = dir.resolve("radio");
        this.terminalEnd = dir.resolve("terminal");
    }

    public Path radioEnd() {
        return radioEnd;
    }

    public Path terminalEnd() {
        return terminalEnd;
    }

    /** Starts socat and waits (bounded) until both links exist. */
    public SocatPair start() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + radioEnd,
                "pty,raw,echo=0,link=" + terminalEnd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINK_WAIT_MS);
        while (!(Files.exists(radioEnd) && Files.exists(terminalEnd))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IOException("socat did not create " + radioEnd + " and " + terminalEnd);
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** Kills socat (unplug) and waits for it to exit and remove its links. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
        process = null;
        try {
            Files.deleteIfExists(radioEnd);
            Files.deleteIfExists(terminalEnd);
        } catch (IOException e) {
            // socat removes its links on SIGTERM; this only tidies after a forced kill
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
