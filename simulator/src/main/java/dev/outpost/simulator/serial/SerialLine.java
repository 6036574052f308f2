package dev.outpost.simulator.serial;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial port of a simulated radio: a reader thread that (re)connects and hands every chunk read to the
 * radio, stamped at the read, and a single writer thread that puts frames on the line no faster than the baud
 * rate allows ({@link LinePacer}). A lost connection (pty pair killed, TCP client gone) is survived: the line
 * waits for the next one, and frames sent meanwhile are counted as lost.
 */
public final class SerialLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);
    private static final long RECONNECT_PAUSE_MS = 100;
    private static final long JOIN_MS = 2_000;

    /** What the radio hears from the line; called on the reader thread. */
    public interface Listener {
        void onConnected();

        void onBytes(byte[] data, long recvMonoNanos, Instant recvWall);

        void onDisconnected();
    }

    /** Called on the writer thread before any byte of a frame is handed over, with the frame's start on the line. */
    @FunctionalInterface
    public interface FirstByte {
        void sending(long sendMonoNanos, Instant sendWall);
    }

    private record Outgoing(byte[] data, FirstByte firstByte, long queuedAt) {
    }

    private final String name;
    private final SerialAcceptor acceptor;
    private final SerialSettings settings;
    private final Listener listener;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final LinePacer pacer;
    private final LineCounters counters = new LineCounters();
    private final Thread reader;
    private final Thread writer;
    private volatile SerialConnection current;
    private volatile boolean closed;

    private SerialLine(String name, SerialAcceptor acceptor, SerialSettings settings, Listener listener) {
        this.name = name;
        this.acceptor = acceptor;
        this.settings = settings;
        this.listener = listener;
        this.pacer = LinePacer.forLine(settings);
        this.reader = new Thread(this::readLoop, name + "-reader");
        this.writer = new Thread(this::writeLoop, name + "-writer");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    /** Opens {@code endpoint} (binding a TCP port at once); {@link #start()} starts the reader and writer. */
    public static SerialLine open(String name, RadioEndpoint endpoint, SerialSettings settings, Listener listener)
            throws IOException {
        return new SerialLine(name, endpoint.open(), settings, listener);
    }

    public void start() {
        reader.start();
        writer.start();
        LOG.info("{}: serial line on {} at {} baud ({} bits a byte)", name, acceptor.describe(), settings.baud(),
                settings.bitsPerByte());
    }

    /** Queues a frame for the line; {@code firstByte} (may be null) learns when its first byte goes out. */
    public void send(byte[] data, FirstByte firstByte) {
        if (!closed && data.length > 0) {
            queue.add(new Outgoing(data.clone(), firstByte, System.nanoTime()));
        }
    }

    public SerialSettings settings() {
        return settings;
    }

    public String describe() {
        return acceptor.describe();
    }

    /** The TCP port, for a TCP endpoint. */
    public OptionalInt tcpPort() {
        return acceptor instanceof TcpAcceptor tcp ? OptionalInt.of(tcp.port()) : OptionalInt.empty();
    }

    public boolean connected() {
        return current != null;
    }

    public LineStats stats() {
        return counters.snapshot();
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        while (!closed) {
            SerialConnection connection;
            try {
                connection = acceptor.await();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{}: waiting for a connection failed: {}", name, e.getMessage());
                    pause();
                }
                continue;
            }
            current = connection;
            counters.connections.incrementAndGet();
            LOG.info("{}: connected on {}", name, acceptor.describe());
            listener.onConnected();
            try {
                for (int n = connection.read(buffer); n >= 0 && !closed; n = connection.read(buffer)) {
                    if (n > 0) {
                        long now = System.nanoTime();
                        counters.bytesIn.addAndGet(n);
                        listener.onBytes(Arrays.copyOf(buffer, n), now, Instant.now());
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.info("{}: connection lost ({})", name, e.getMessage());
                }
            } finally {
                current = null;
                connection.close();
            }
            if (!closed) {
                LOG.info("{}: disconnected; waiting for the port to come back", name);
                listener.onDisconnected();
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void writeLoop() {
        try {
            while (!closed) {
                Outgoing frame = queue.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    write(frame);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /**
     * Puts one frame on the line at the pacer's pace. The ground truth is told the frame's start on the line
     * before any byte is handed over, so the peer holds the whole frame {@code length * byteNanos} after it.
     */
    private void write(Outgoing frame) throws InterruptedException {
        byte[] data = frame.data();
        long start = pacer.frameStart(frame.queuedAt(), System.nanoTime());
        sleepUntil(start);
        if (current == null) {
            counters.framesLost.incrementAndGet();
            return;
        }
        if (frame.firstByte() != null) {
            frame.firstByte().sending(start, Instant.now().minusNanos(Math.max(0, System.nanoTime() - start)));
        }
        pacer.frameSent(start, data.length);
        int written = 0;
        while (written < data.length) {
            sleepUntil(pacer.deliveryOf(start, written));
            int due = pacer.delivered(start, System.nanoTime(), data.length);
            SerialConnection connection = current;
            try {
                if (connection == null) {
                    throw new IOException("disconnected");
                }
                connection.write(data, written, due - written);
            } catch (IOException e) {
                counters.framesLost.incrementAndGet();
                LOG.debug("{}: write failed: {}", name, e.getMessage());
                return;
            }
            counters.bytesOut.addAndGet(due - written);
            written = due;
        }
        counters.framesSent.incrementAndGet();
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long wait = deadline - System.nanoTime(); wait > 0; wait = deadline - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        acceptor.close();
        SerialConnection connection = current;
        if (connection != null) {
            connection.close();
        }
        reader.interrupt();
        writer.interrupt();
        join(reader);
        join(writer);
        LOG.info("{}: serial line closed; {}", name, stats());
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Live counters of one line. */
    private static final class LineCounters {
        final AtomicLong connections = new AtomicLong();
        final AtomicLong bytesIn = new AtomicLong();
        final AtomicLong bytesOut = new AtomicLong();
        final AtomicLong framesSent = new AtomicLong();
        final AtomicLong framesLost = new AtomicLong();

        LineStats snapshot() {
            return new LineStats(connections.get(), bytesIn.get(), bytesOut.get(), framesSent.get(), framesLost.get());
        }
    }
}
