package dev.outpost.simulator.dmr;

import dev.outpost.simulator.behaviour.DelayDistribution;
import java.time.Duration;
import java.util.Objects;

/**
 * How simulated DMR radios use the air, on top of the unit traits of {@code BehaviourOptions} (online, never,
 * late; call alerts are confirmed after its {@code confirm} delay).
 *
 * @param twoBurstAckFraction    share of radio checks acked two bursts after the request instead of one
 * @param voiceNeverAnswerFraction share of online units that never key up to answer a dispatcher's call
 * @param keyUpDelay             from the end of the dispatcher's call to the reply's key-up
 * @param voiceDuration          how long a reply is spoken (rounded up to whole 360 ms superframes)
 * @param busyRetry              how long a person waits to key up again after hearing the slot busy, or after
 *                               a reply that collided with another (nobody answers it)
 * @param maxBusyRetries         key-up attempts after the first before giving up (busy and collided alike)
 */
public record DmrRadioBehaviour(double twoBurstAckFraction, double voiceNeverAnswerFraction,
        DelayDistribution keyUpDelay, DelayDistribution voiceDuration, DelayDistribution busyRetry,
        int maxBusyRetries) {

    public DmrRadioBehaviour {
        requireFraction(twoBurstAckFraction, "two-burst ack fraction");
        requireFraction(voiceNeverAnswerFraction, "voice never-answer fraction");
        Objects.requireNonNull(keyUpDelay, "keyUpDelay");
        Objects.requireNonNull(voiceDuration, "voiceDuration");
        Objects.requireNonNull(busyRetry, "busyRetry");
        if (maxBusyRetries < 0) {
            throw new IllegalArgumentException("max busy retries must not be negative");
        }
    }

    /**
     * 10 % of acks two bursts late; 5 % never answer by voice; key-up after a log-normal delay (median 1.5 s),
     * speaking about 1.5 s; on a busy slot or after a collision, trying again after about 1.5 s, three times at most.
     */
    public static DmrRadioBehaviour defaults() {
        return new DmrRadioBehaviour(0.1, 0.05,
                new DelayDistribution.LogNormal(Duration.ofMillis(1500), 0.5, Duration.ofSeconds(15)),
                new DelayDistribution.Normal(Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(360)),
                new DelayDistribution.Normal(Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(300)),
                3);
    }

    /** Fixed timings for exact expectations in tests: acks one burst later, everyone answers by voice. */
    public static DmrRadioBehaviour fixed(Duration keyUpDelay, Duration voiceDuration, Duration busyRetry) {
        return new DmrRadioBehaviour(0.0, 0.0, new DelayDistribution.Fixed(keyUpDelay),
                new DelayDistribution.Fixed(voiceDuration), new DelayDistribution.Fixed(busyRetry), 3);
    }

    public DmrRadioBehaviour withTwoBurstAckFraction(double fraction) {
        return new DmrRadioBehaviour(fraction, voiceNeverAnswerFraction, keyUpDelay, voiceDuration, busyRetry,
                maxBusyRetries);
    }

    private static void requireFraction(double v, String what) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0..1, got " + v);
        }
    }
}
