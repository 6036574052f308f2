package dev.outpost.simulator.tetra;

import java.time.Instant;

/**
 * An SDS the terminal handed to the radio with {@code AT+CMGS} and its body, to be delivered to the fleet.
 *
 * @param sequence         the radio's running count of accepted SDSs, from 1; the call id is {@code sds-<sequence>}
 * @param messageReference what {@code +CMGS} reported: {@code sequence} modulo 256
 * @param recvMonoNanos    when the body's last byte (Ctrl-Z) was read
 */
record SubmittedSds(long sequence, int messageReference, String destination, int aiService, int lengthBits,
        byte[] data, long recvMonoNanos, Instant recvWall) {

    String callId() {
        return "sds-" + sequence;
    }
}
