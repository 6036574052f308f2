package dev.outpost.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What every helper that runs an external program (mosquitto, socat) needs to clean up after itself. */
final class TestProcesses {
    private TestProcesses() {
    }

    /**
     * The program's path: one of the {@code known} places, else the first match on {@code PATH}.
     *
     * @throws IllegalStateException naming the Debian package to install
     */
    static Path findExecutable(String name, List<Path> known, String whyNeeded) {
        for (Path candidate : known) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not installed, and " + whyNeeded + ". Install the Debian package '"
                + name + "' (apt-get install -y " + name + "); CI installs it.");
    }

    /** SIGTERM, then SIGKILL if it lingers; waits (bounded) until it is gone. Null is a no-op. */
    static void stop(Process running) {
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A program's log so far, for failure messages. */
    static String log(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Forgets the JVM-exit hook that would have killed the program (the hook may already be running). */
    static void forget(Thread killer) {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it kills the process itself
        }
    }

    /** Deletes a scratch directory; one left behind is harmless. */
    static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
