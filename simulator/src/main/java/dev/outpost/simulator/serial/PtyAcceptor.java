package dev.outpost.simulator.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a pty device as a file, retrying with a backoff while it is absent. Reading and writing use two
 * channels on the device: a {@link FileChannel} serialises its reads and writes on one lock, and a read blocks
 * until the peer sends something, which would hold up every reply.
 */
final class PtyAcceptor implements SerialAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(PtyAcceptor.class);
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 500;

    private final Path path;
    private volatile boolean closed;

    PtyAcceptor(Path path) {
        this.path = path;
    }

    @Override
    public SerialConnection await() throws IOException, InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        boolean reported = false;
        while (!closed) {
            try {
                FileChannel in = FileChannel.open(path, StandardOpenOption.READ);
                try {
                    return new PtyConnection(in, FileChannel.open(path, StandardOpenOption.WRITE));
                } catch (IOException e) {
                    in.close();
                    throw e;
                }
            } catch (IOException e) {
                if (!reported) {
                    LOG.info("pty {} not available ({}); retrying until it is", path, e.getClass().getSimpleName());
                    reported = true;
                }
            }
            Thread.sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        throw new IOException("pty acceptor closed");
    }

    @Override
    public String describe() {
        return "pty " + path;
    }

    @Override
    public void close() {
        closed = true;
    }

    private record PtyConnection(FileChannel in, FileChannel out) implements SerialConnection {
        @Override
        public int read(byte[] buffer) throws IOException {
            return in.read(ByteBuffer.wrap(buffer));
        }

        @Override
        public void write(byte[] data, int offset, int count) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(data, offset, count);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }

        @Override
        public void close() {
            closeQuietly(in);
            closeQuietly(out);
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing pty channel", e);
            }
        }
    }
}
