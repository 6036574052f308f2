package dev.outpost.simulator.serial;

import java.io.Closeable;
import java.io.IOException;

/** One open serial connection of a simulated radio: a pty opened as a file, or one TCP client. */
public interface SerialConnection extends Closeable {

    /** Blocks for at least one byte; -1 at end of stream (the pty or the TCP peer went away). */
    int read(byte[] buffer) throws IOException;

    /** Writes {@code count} bytes now, unpaced (the {@link SerialLine}'s writer does the pacing). */
    void write(byte[] data, int offset, int count) throws IOException;

    @Override
    void close();
}
