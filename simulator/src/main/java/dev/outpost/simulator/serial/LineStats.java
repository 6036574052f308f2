package dev.outpost.simulator.serial;

/**
 * Counters of a simulated radio's serial line.
 *
 * @param connections times a connection was made (pty opened, TCP client accepted)
 * @param framesLost  frames that could not be written in full (no connection, or it broke)
 */
public record LineStats(long connections, long bytesIn, long bytesOut, long framesSent, long framesLost) {
}
