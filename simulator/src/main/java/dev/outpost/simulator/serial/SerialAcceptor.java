package dev.outpost.simulator.serial;

import java.io.IOException;

/** Where a simulated radio's connections come from: a pty path it (re)opens, or a TCP port it listens on. */
public interface SerialAcceptor extends AutoCloseable {

    /** Blocks until a connection is available; throws once {@link #close()} was called. */
    SerialConnection await() throws IOException, InterruptedException;

    /** Human-readable endpoint for logs, e.g. {@code pty /tmp/radio} or {@code tcp 127.0.0.1:7001}. */
    String describe();

    /** Stops waiting and frees the port or path; idempotent. */
    @Override
    void close();
}
