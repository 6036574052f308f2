package dev.outpost.simulator.fleetsync;

import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.SerialSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * A simulated Kenwood radio whose PC port reports FleetSync PTT-IDs ({@code $PKLID}) and positions
 * ({@code $PKLDS}) of the units (those with a {@code fleetsync_id}) that key up on its channel.
 *
 * @param endpoint               pty path or TCP port of the PC port
 * @param serial                 line speed (Kenwood PC ports commonly run 9600 8N2)
 * @param corruptFraction        share of sentences sent with a wrong checksum, as line noise would leave them
 * @param positionFraction       share of key-ups followed by a {@code $PKLDS} with the unit's position
 * @param ackStatus              the status field of a roll-call answer's {@code $PKLID} (0 = none, else 10..99)
 * @param talkTime               how long each talker holds the channel
 * @param rollCallEvery          a voice roll call is heard this often (zero = only through the API)
 * @param backgroundTalkInterval one random online unit keys up this often (zero = never)
 */
public record FleetSyncRadioOptions(RadioEndpoint endpoint, SerialSettings serial, double corruptFraction,
        double positionFraction, int ackStatus, Duration talkTime, Duration rollCallEvery,
        Duration backgroundTalkInterval) {

    public FleetSyncRadioOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serial, "serial");
        requireFraction(corruptFraction, "corrupt fraction");
        requireFraction(positionFraction, "position fraction");
        if (ackStatus != 0 && (ackStatus < 10 || ackStatus > 99)) {
            throw new IllegalArgumentException("ack status must be 0 (none) or 10..99, got " + ackStatus);
        }
        requireDuration(talkTime, "talk time");
        if (talkTime.isZero()) {
            throw new IllegalArgumentException("talk time must be positive");
        }
        requireDuration(rollCallEvery, "roll call interval");
        requireDuration(backgroundTalkInterval, "background talk interval");
    }

    /** 9600 baud 8N2, no corruption, no positions, plain PTT-IDs, 1.5 s talk spurts, nothing periodic. */
    public static FleetSyncRadioOptions defaults(RadioEndpoint endpoint) {
        return new FleetSyncRadioOptions(endpoint, new SerialSettings(9600, SerialSettings.BITS_8N2), 0.0, 0.0, 0,
                Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO);
    }

    public FleetSyncRadioOptions withSerial(SerialSettings newSerial) {
        return new FleetSyncRadioOptions(endpoint, newSerial, corruptFraction, positionFraction, ackStatus, talkTime,
                rollCallEvery, backgroundTalkInterval);
    }

    public FleetSyncRadioOptions withFaults(double newCorruptFraction, double newPositionFraction) {
        return new FleetSyncRadioOptions(endpoint, serial, newCorruptFraction, newPositionFraction, ackStatus,
                talkTime, rollCallEvery, backgroundTalkInterval);
    }

    public FleetSyncRadioOptions withTalkTime(Duration newTalkTime) {
        return new FleetSyncRadioOptions(endpoint, serial, corruptFraction, positionFraction, ackStatus, newTalkTime,
                rollCallEvery, backgroundTalkInterval);
    }

    private static void requireFraction(double v, String what) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0..1, got " + v);
        }
    }

    private static void requireDuration(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }
}
