package dev.outpost.gateway.link.serial;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One open attempt of a driver and, once open, its connection: the inbound side given to the opener, and
 * the record of how that connection ended (by the reader, the peer or a failed write, whichever comes first).
 */
final class OpenConnection implements SerialInbound {
    interface ChunkSink {
        void deliver(OpenConnection from, ReceivedChunk chunk);
    }

    private final ChunkSink sink;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile SerialConnection connection;
    private volatile String endReason;

    OpenConnection(ChunkSink sink) {
        this.sink = sink;
    }

    void attach(SerialConnection opened) {
        this.connection = opened;
    }

    SerialConnection connection() {
        return connection;
    }

    @Override
    public void received(ReceivedChunk chunk) {
        sink.deliver(this, chunk);
    }

    @Override
    public void ended(String reason) {
        end(reason);
    }

    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason == null ? "connection ended" : reason;
            ended.countDown();
        }
    }

    /** Waits until the connection ends; false on timeout. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    String endReason() {
        return endReason;
    }
}
