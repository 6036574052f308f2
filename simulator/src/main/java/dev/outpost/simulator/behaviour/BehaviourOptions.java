package dev.outpost.simulator.behaviour;

import java.time.Duration;
import java.util.Objects;

/**
 * Knobs for simulated unit behaviour. Fractions are per-unit probabilities applied independently
 * to each active unit; units on leave or deactivated are always offline.
 *
 * @param onlineFraction share of active units logged on to the PoC network
 * @param neverAnswerFraction share of online units that never answer
 * @param lateFraction share of online units that answer only after {@code lateDelay}
 * @param lateDelay added to a late unit's sample; set it above the gateway's attempt timeout
 * @param auto delay of an auto-confirmed poll
 * @param confirm delay of a human key-press confirmation
 */
public record BehaviourOptions(
        double onlineFraction,
        double neverAnswerFraction,
        double lateFraction,
        Duration lateDelay,
        DelayDistribution auto,
        DelayDistribution confirm) {

    public BehaviourOptions {
        requireFraction(onlineFraction, "online fraction");
        requireFraction(neverAnswerFraction, "never-answer fraction");
        requireFraction(lateFraction, "late fraction");
        if (neverAnswerFraction + lateFraction > 1.0) {
            throw new IllegalArgumentException("never-answer and late fractions add up to more than 1");
        }
        Objects.requireNonNull(lateDelay, "lateDelay");
        Objects.requireNonNull(auto, "auto");
        Objects.requireNonNull(confirm, "confirm");
    }

    /** A plausible district: 97 % online, 1 % silent, 1 % late by 10 s, ~40 ms polls, ~3 s humans. */
    public static BehaviourOptions defaults() {
        return new BehaviourOptions(0.97, 0.01, 0.01, Duration.ofSeconds(10),
                new DelayDistribution.Normal(Duration.ofMillis(40), Duration.ofMillis(10), Duration.ofMillis(5)),
                new DelayDistribution.LogNormal(Duration.ofSeconds(3), 0.6, Duration.ofSeconds(30)));
    }

    /** Everyone online and prompt with fixed delays: for tests that need exact expectations. */
    public static BehaviourOptions allPrompt(Duration autoDelay, Duration confirmDelay) {
        return new BehaviourOptions(1.0, 0.0, 0.0, Duration.ZERO,
                new DelayDistribution.Fixed(autoDelay), new DelayDistribution.Fixed(confirmDelay));
    }

    public DelayDistribution delayFor(ResponseMode mode) {
        return mode == ResponseMode.AUTO ? auto : confirm;
    }

    private static void requireFraction(double v, String what) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0..1, got " + v);
        }
    }
}
