package dev.outpost.gateway.link.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An opener for driver tests: each open fails with a scripted error or yields a {@link FakeConnection}. */
final class FakeOpener implements SerialPortOpener {
    private final Deque<SerialOpenException> failures = new ArrayDeque<>();
    final LinkedBlockingQueue<FakeConnection> opened = new LinkedBlockingQueue<>();
    volatile CountDownLatch writeGate = new CountDownLatch(0);
    final CountDownLatch writeEntered = new CountDownLatch(1);

    private SerialOpenException failAlways;

    synchronized void failAlways(SerialOpenException failure) {
        failAlways = failure;
    }

    synchronized void failNext(int times, SerialOpenException failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
    }

    @Override
    public SerialEndpoint endpoint() {
        return new SerialEndpoint.LocalPort(Path.of("/dev/fake0"));
    }

    @Override
    public SerialSettings settings() {
        return SerialSettings.eightNoneOne(9600);
    }

    @Override
    public SerialConnection open(SerialInbound inbound) throws SerialOpenException {
        synchronized (this) {
            if (failAlways != null) {
                throw failAlways;
            }
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
        }
        FakeConnection connection = new FakeConnection(inbound);
        opened.add(connection);
        return connection;
    }

    FakeConnection nextOpened() throws InterruptedException {
        FakeConnection next = opened.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no connection opened within 5 s");
        }
        return next;
    }

    final class FakeConnection implements SerialConnection {
        final SerialInbound inbound;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean reading;
        volatile boolean closed;
        volatile IOException failWrites;

        FakeConnection(SerialInbound inbound) {
            this.inbound = inbound;
        }

        @Override
        public void startReading() {
            reading = true;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            writeEntered.countDown();
            try {
                writeGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failWrites != null) {
                throw failWrites;
            }
            synchronized (written) {
                written.writeBytes(bytes);
            }
        }

        String writtenText() {
            synchronized (written) {
                return written.toString(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
