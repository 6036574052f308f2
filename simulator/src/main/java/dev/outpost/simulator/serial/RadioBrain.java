package dev.outpost.simulator.serial;

import java.time.Instant;
import java.util.List;

/** The logic of a simulated radio, driven by {@link RadioDriver}; every call comes on the radio's one thread. */
public interface RadioBrain {

    /** Bytes from the line, stamped at the read; returns what the radio sends in answer, now or later. */
    List<Emission> onBytes(byte[] data, long recvMonoNanos, Instant recvWall);

    /** The line connected or disconnected: forget partial input. */
    void onConnectionChange(boolean connected);
}
