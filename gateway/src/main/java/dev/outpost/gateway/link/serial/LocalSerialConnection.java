package dev.outpost.gateway.link.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.outpost.gateway.time.GatewayClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open jSerialComm port with its reader thread. The reader blocks in reads of at most
 * {@link LocalSerialPortOpener#READ_TIMEOUT_MILLIS}, stamps each chunk the moment a read returns, and ends the
 * stream on a read error (a pty whose other end closed reports EIO; so does an unplugged USB adapter) or when
 * the device node disappears.
 */
final class LocalSerialConnection implements SerialConnection {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSerialConnection.class);
    private static final int BUFFER_BYTES = 4096;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final SerialPort port;
    private final Path device;
    private final String name;
    private final SerialInbound inbound;
    private final GatewayClock clock;
    private final Duration writeTimeout;
    private final Thread reader;
    private volatile boolean closing;

    LocalSerialConnection(SerialPort port, Path device, String name, SerialInbound inbound, GatewayClock clock,
            ThreadFactory threads, Duration writeTimeout) {
        this.port = port;
        this.device = device;
        this.name = name;
        this.inbound = inbound;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
        this.reader = threads.newThread(this::readUntilEnd);
    }

    @Override
    public void startReading() {
        reader.start();
    }

    private void readUntilEnd() {
        byte[] buffer = new byte[BUFFER_BYTES];
        String reason = null;
        try {
            while (!closing && reason == null) {
                int n = port.readBytes(buffer, buffer.length);
                long nanos = clock.monotonicNanos();
                Instant at = clock.wallNow();
                if (n > 0) {
                    inbound.received(new ReceivedChunk(Arrays.copyOf(buffer, n), nanos, at));
                } else if (n < 0) {
                    reason = "read failed on " + name + " (errno " + port.getLastErrorCode()
                            + "): the device was unplugged or the other end closed";
                } else if (!Files.exists(device)) {
                    reason = "serial device " + name + " is gone";
                }
            }
        } catch (RuntimeException e) {
            reason = "reader failed on " + name + ": " + e;
            LOG.warn("serial reader on {} failed", name, e);
        }
        if (!closing) {
            inbound.ended(reason);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int offset = 0;
        while (offset < bytes.length) {
            long started = System.nanoTime();
            int n = port.writeBytes(bytes, bytes.length - offset, offset);
            if (n > 0) {
                offset += n;
            } else if (n == 0 && System.nanoTime() - started >= writeTimeout.toNanos() / 2) {
                throw new IOException("write on " + name + " made no progress within " + writeTimeout.toMillis()
                        + " ms (flow control holding the line?)");
            } else {
                // jSerialComm answers 0 or -1 at once when the device is gone (EIO on a closed pty).
                throw new IOException("write failed on " + name + " (errno " + port.getLastErrorCode()
                        + "): the device was unplugged or the other end closed");
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        if (Thread.currentThread() != reader) {
            awaitReader();
        }
        port.closePort();
    }

    /** Waits (bounded) for the reader to leave its read, even if this thread is interrupted meanwhile. */
    private void awaitReader() {
        long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
        boolean interrupted = false;
        while (reader.isAlive() && System.nanoTime() < deadline) {
            try {
                reader.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (reader.isAlive()) {
            LOG.warn("serial reader on {} did not stop within {} ms", name, CLOSE_WAIT_MILLIS);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
