package dev.outpost.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto on a free 127.0.0.1 port, configured so that the broker is not the bottleneck of a load
 * run: TCP_NODELAY, no cap on in-flight QoS 1 messages per client (MQTT 5 clients are then offered a Receive
 * Maximum of 65,535) and no cap on queued messages. Closing it kills the process and deletes its directory.
 */
public final class BenchBroker implements AutoCloseable {
    private static final List<Path> KNOWN = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));
    private static final long STARTUP_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final int port;
    private final ChildProcess child;

    private BenchBroker(Path directory, int port, Process process) {
        this.port = port;
        this.child = new ChildProcess(process, directory, Duration.ofSeconds(5), "bench-broker");
    }

    /** Starts a broker and waits until it accepts connections. */
    public static BenchBroker launch() throws IOException, InterruptedException {
        Path executable = KNOWN.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("mosquitto is not installed (apt-get install -y mosquitto)"));
        Path directory = Files.createTempDirectory("outpost-bench-broker-");
        int port = freePort();
        Path config = directory.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "set_tcp_nodelay true",
                "max_inflight_messages 0",
                "max_queued_messages 0",
                "max_inflight_bytes 0",
                "max_queued_bytes 0",
                "root".equals(System.getProperty("user.name")) ? "user root" : "",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                ""));
        Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("mosquitto.log").toFile())
                .start();
        BenchBroker broker = new BenchBroker(directory, port, process);
        long deadline = System.nanoTime() + STARTUP_NANOS;
        while (!broker.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(directory.resolve("mosquitto.log"));
                broker.close();
                throw new IOException("mosquitto did not start on port " + port + "; log:\n" + log);
            }
            Thread.sleep(20);
        }
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The broker's process id, for its CPU time. */
    public long pid() {
        return child.process.pid();
    }

    @Override
    public void close() {
        child.close();
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
