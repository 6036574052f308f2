package dev.outpost.simulator.truth;

import java.time.Instant;

/**
 * One line of the ground truth. Monotonic instants are {@code System.nanoTime()} values, which on
 * Linux read CLOCK_MONOTONIC and so compare across processes on the same machine.
 */
public sealed interface TruthEntry {

    String unitId();

    /** A simulated unit's traits, written once per unit at start-up. */
    record UnitTraits(String unitId, String user, boolean online, String answering) implements TruthEntry {
    }

    /** A roll call reached a unit (the server read the frame). */
    record CallReceived(String callId, String unitId, String user, String mode, long recvMonoNanos, Instant recvWall)
            implements TruthEntry {
    }

    /** The server refused to deliver a call to a unit (offline or unknown user). */
    record CallRefused(String callId, String unitId, String user, String reason, long recvMonoNanos, Instant recvWall)
            implements TruthEntry {
    }

    /**
     * A unit's reply left the server (hxt) or the simulated radio. {@code delayNanos} is the true delay: send
     * instant minus the receive instant of the call it answers; {@code plannedDelayNanos} is the sampled delay
     * the scheduler aimed for (the difference is scheduling jitter). On a serial line {@code sendMonoNanos} is
     * the instant the first byte went out, {@code wireBytes} the reply's length and {@code byteNanos} the line's
     * time per byte; both are 0 for hxt.
     */
    record ReplySent(String callId, String unitId, String user, String status, long recvMonoNanos, long sendMonoNanos,
            Instant sendWall, long delayNanos, long plannedDelayNanos, int wireBytes, long byteNanos)
            implements TruthEntry {

        /** A reply on a network link (hxt), where the byte time on the wire is negligible. */
        public ReplySent(String callId, String unitId, String user, String status, long recvMonoNanos,
                long sendMonoNanos, Instant sendWall, long delayNanos, long plannedDelayNanos) {
            this(callId, unitId, user, status, recvMonoNanos, sendMonoNanos, sendWall, delayNanos, plannedDelayNanos,
                    0, 0);
        }

        /**
         * When the reply's last byte left the simulated radio: on a serial line the receiver has the whole
         * frame only {@code wireBytes * byteNanos} after the first byte ({@link #sendMonoNanos}) went out.
         */
        public long lastByteMonoNanos() {
            return sendMonoNanos + (long) wireBytes * byteNanos;
        }
    }

    /**
     * A unit keyed up on its own, not in answer to a call (background voice traffic on a radio channel).
     * {@code status} says what went out: {@code talk} (a TETRA {@code +CTXG}), {@code ptt} (a FleetSync
     * {@code $PKLID}) or {@code ptt-corrupt} (one sent with a bad checksum).
     */
    record KeyUp(String unitId, String user, String status, long sendMonoNanos, Instant sendWall, int wireBytes,
            long byteNanos) implements TruthEntry {
    }

    /**
     * A DMR request (radio check, call alert, or the end of a dispatcher's voice call) reached a simulated radio.
     * {@code arrivedMonoNanos}: the DMRD reached the simulated repeater; {@code airStartMonoNanos}: its burst went on
     * air (the next free burst of the slot); {@code reachMonoNanos}: the burst was complete at the radio
     * (air start + 30 ms). For voice, the instants are those of the terminator: the end of the call (T0).
     */
    record DmrDelivered(String callId, String unitId, int dmrId, String kind, long peerId, int slot,
            long arrivedMonoNanos, long airStartMonoNanos, long reachMonoNanos) implements TruthEntry {
    }

    /**
     * A radio answered a DMR request: {@code airStartMonoNanos} is the first burst of its answer on air,
     * {@code sentMonoNanos} when the simulated repeater sent that burst's DMRD (after the burst was complete),
     * {@code delayNanos} = air start - reach, the radio's true response delay.
     */
    record DmrReplied(String callId, String unitId, int dmrId, String kind, long peerId, int slot,
            long reachMonoNanos, long airStartMonoNanos, long sentMonoNanos, Instant sentWall, long delayNanos)
            implements TruthEntry {
    }

    /**
     * A radio's transmission on a slot: {@code outcome} is {@code sent}, {@code collided} (garbled together with
     * another one that started in the same burst: nothing reached the network) or {@code gave_up} (the slot stayed
     * busy, or the reply collided, through every retry). Air instants are the first burst's start and the last
     * burst's end. The dispatcher's call ({@code kind} {@code dispatcher}, no unit) ends when its terminator's DMRD
     * went to the master: the end of transmission a voice muster takes as T0.
     */
    record DmrKeyUp(String unitId, int dmrId, String kind, long peerId, int slot, int destination, long streamId,
            long airStartMonoNanos, long airEndMonoNanos, int bursts, String outcome) implements TruthEntry {
    }

    /** Two or more radios started in the same burst of one slot; one entry per radio, naming the others. */
    record DmrCollision(String unitId, int dmrId, String kind, long peerId, int slot, long airStartMonoNanos,
            long airEndMonoNanos, java.util.List<Integer> withDmrIds) implements TruthEntry {
    }
}
