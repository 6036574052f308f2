package dev.outpost.gateway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto broker on 127.0.0.1 for tests. It listens on a free port that stays the same across
 * {@link #stop()} and {@link #start()}, so outage tests can take the broker away and bring it back.
 *
 * <pre>{@code try (Mosquitto broker = Mosquitto.launch()) { connect to broker.url() } }</pre>
 *
 * The process is always killed by {@link #close()}, and by a JVM shutdown hook should a test forget.
 */
public final class Mosquitto implements AutoCloseable {
    private static final List<Path> KNOWN_LOCATIONS = List.of(Path.of("/usr/sbin/mosquitto"),
            Path.of("/usr/bin/mosquitto"), Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);

    private final Path executable;
    private final Path directory;
    private final Path config;
    private final int port;
    private final Thread killer;
    private Process process;

    private Mosquitto(Path executable, Path directory, int port, boolean persistent) throws IOException {
        this.executable = executable;
        this.directory = directory;
        this.port = port;
        this.config = directory.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                persistent ? "persistence true" : "persistence false",
                persistent ? "persistence_location " + directory + "/" : "",
                // An offline persistent subscriber must not lose what queues up for it (the default keeps 1,000).
                persistent ? "max_queued_messages 0" : "",
                // Started as root (as CI is), mosquitto drops to user 'mosquitto', which cannot write its
                // persistence file into our temp directory; stay as the user that owns it.
                "root".equals(System.getProperty("user.name")) ? "user root" : "",
                "set_tcp_nodelay true",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                ""));
        this.killer = new Thread(this::kill, "mosquitto-killer-" + port);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts a broker on a free loopback port and waits until it accepts connections. */
    public static Mosquitto launch() throws IOException {
        return launch(false);
    }

    /**
     * A broker whose sessions, subscriptions and queued messages survive {@link #stop()} and {@link #start()}
     * (saved on SIGTERM), with no cap on what queues for an offline subscriber: the setup outage tests need.
     */
    public static Mosquitto launchPersistent() throws IOException {
        return launch(true);
    }

    private static Mosquitto launch(boolean persistent) throws IOException {
        Path executable = findExecutable();
        Mosquitto broker = new Mosquitto(executable, Files.createTempDirectory("outpost-mosquitto-"), freePort(),
                persistent);
        try {
            broker.start();
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code tcp://127.0.0.1:<port>} */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same port (after {@link #stop()}), waiting until it accepts connections. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + "; log:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IOException("mosquitto did not accept connections on port " + port + " within "
                        + STARTUP_LIMIT + "; log:\n" + log());
            }
            pause(20);
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL if it lingers) and waits until it is gone. */
    public synchronized void stop() {
        kill();
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        return TestProcesses.log(directory.resolve("mosquitto.log"));
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

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Path findExecutable() {
        return TestProcesses.findExecutable("mosquitto", KNOWN_LOCATIONS, "the MQTT tests need a real broker");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mosquitto", e);
        }
    }
}
