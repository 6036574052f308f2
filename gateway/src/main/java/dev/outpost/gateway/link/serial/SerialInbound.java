package dev.outpost.gateway.link.serial;

/**
 * Where a {@link SerialConnection} delivers what it reads. Calls come from one thread at a time (the
 * connection's reader thread or its Netty event loop), in read order.
 */
public interface SerialInbound {

    void received(ReceivedChunk chunk);

    /** The stream ended (EOF, read error, port gone, peer closed). Called at most once, after the last chunk. */
    void ended(String reason);
}
