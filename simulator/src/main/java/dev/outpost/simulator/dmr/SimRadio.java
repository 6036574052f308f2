package dev.outpost.simulator.dmr;

import dev.outpost.simulator.behaviour.Answering;
import dev.outpost.simulator.behaviour.ResponseMode;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * One simulated radio: a unit with a DMR id, behind one station and slot. Its traits come from the unit's
 * {@link UnitBehaviour} (offline radios, units on leave included, are silent); its air behaviour from
 * {@link DmrRadioBehaviour}, sampled from its own random stream so one radio does not change another's.
 */
final class SimRadio {
    private final UnitBehaviour unit;
    private final int dmrId;
    private final int slot;
    private final DmrRadioBehaviour air;
    private final SplittableRandom random;
    private final boolean answersVoice;

    SimRadio(UnitBehaviour unit, int slot, DmrRadioBehaviour air, long seed) {
        this.unit = unit;
        this.dmrId = unit.unit().dmrId();
        this.slot = slot;
        this.air = air;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ dmrId * 0xC2B2AE3D27D4EB4FL);
        this.answersVoice = random.nextDouble() >= air.voiceNeverAnswerFraction();
    }

    String unitId() {
        return unit.unitId();
    }

    int dmrId() {
        return dmrId;
    }

    int slot() {
        return slot;
    }

    /** Switched on and in range: it hears the slot and acks radio checks by itself. */
    boolean online() {
        return unit.online();
    }

    boolean answersVoice() {
        return answersVoice && unit.online() && unit.answering() != Answering.NEVER;
    }

    /** Bursts between a radio check and its ack: 1, or 2 for a {@code twoBurstAckFraction} share. */
    synchronized int ackGapBursts() {
        return random.nextDouble() < air.twoBurstAckFraction() ? 2 : 1;
    }

    /** A person confirms a call alert after this (with the unit's late delay), or never. */
    OptionalLong confirmDelayNanos() {
        return unit.online() ? unit.nextReplyDelayNanos(ResponseMode.CONFIRM) : OptionalLong.empty();
    }

    synchronized long keyUpDelayNanos() {
        return air.keyUpDelay().sampleNanos(random);
    }

    /** Spoken length in whole superframes (360 ms each), at least one. */
    synchronized int voiceSuperframes() {
        long superframe = 6 * AirTime.BURST_PERIOD_NANOS;
        return (int) Math.max(1, (air.voiceDuration().sampleNanos(random) + superframe - 1) / superframe);
    }

    synchronized long busyRetryNanos() {
        return air.busyRetry().sampleNanos(random);
    }

    int maxBusyRetries() {
        return air.maxBusyRetries();
    }
}
