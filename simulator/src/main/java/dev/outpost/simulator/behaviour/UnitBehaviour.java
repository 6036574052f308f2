package dev.outpost.simulator.behaviour;

import dev.outpost.config.registry.Unit;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * One simulated unit: its fixed traits (online, how it answers) and its own random stream, so a
 * unit's delays depend only on the seed and on how many calls that unit has received.
 */
public final class UnitBehaviour {
    private final Unit unit;
    private final boolean online;
    private final Answering answering;
    private final BehaviourOptions options;
    private final SplittableRandom random;

    UnitBehaviour(Unit unit, boolean online, Answering answering, BehaviourOptions options, SplittableRandom random) {
        this.unit = unit;
        this.online = online;
        this.answering = answering;
        this.options = options;
        this.random = random;
    }

    public Unit unit() {
        return unit;
    }

    public String unitId() {
        return unit.unitId();
    }

    public String user() {
        return unit.pocUser();
    }

    public boolean online() {
        return online;
    }

    public Answering answering() {
        return answering;
    }

    /**
     * The delay before answering one call, freshly sampled per call (so a retried call may be
     * answered twice, as real terminals do), or empty if this unit never answers.
     */
    public synchronized OptionalLong nextReplyDelayNanos(ResponseMode mode) {
        if (answering == Answering.NEVER) {
            return OptionalLong.empty();
        }
        long delay = options.delayFor(mode).sampleNanos(random);
        if (answering == Answering.LATE) {
            delay += options.lateDelay().toNanos();
        }
        return OptionalLong.of(delay);
    }
}
