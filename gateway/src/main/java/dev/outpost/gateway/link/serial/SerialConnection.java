package dev.outpost.gateway.link.serial;

import java.io.IOException;

/**
 * One open byte stream to a radio port. Inbound bytes are pushed to the {@link SerialInbound} given at open,
 * starting with {@link #startReading()}, so that the owner can announce the connection before the first byte.
 * Only the driver's single writer calls {@link #write}.
 */
public interface SerialConnection extends AutoCloseable {

    /** Starts delivering inbound bytes; called once. */
    void startReading();

    /** Writes all bytes in order, returning once the OS has taken them (or failing). */
    void write(byte[] bytes) throws IOException;

    /** Closes the stream and stops its reading within a bounded time; idempotent; never throws. */
    @Override
    void close();
}
