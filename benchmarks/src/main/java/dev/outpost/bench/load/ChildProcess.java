package dev.outpost.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process the harness started, with its working directory: killed if the harness JVM exits first (a shutdown
 * hook), stopped politely then forcibly on {@link #close()}, its directory removed.
 */
final class ChildProcess implements AutoCloseable {
    final Process process;
    private final Path directory;
    private final Duration grace;
    private final Thread killer;

    ChildProcess(Process process, Path directory, Duration grace, String name) {
        this.process = process;
        this.directory = directory;
        this.grace = grace;
        this.killer = new Thread(process::destroyForcibly, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook kills it anyway
        }
        deleteTree(directory);
    }

    static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
