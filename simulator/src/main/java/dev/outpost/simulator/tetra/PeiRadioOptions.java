package dev.outpost.simulator.tetra;

import dev.outpost.protocol.pei.PeiLimits;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.SerialSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated TETRA radio with a PEI (docs/simulator.md, "Serial radios"). The units behind it, their traits
 * and delays come from the simulator's registry, seed and behaviour options.
 *
 * @param endpoint               pty path or TCP port of the PEI
 * @param serial                 line speed; replies go out no faster than this
 * @param radioIssi              the radio's own ISSI: the called party of every SDS it reports
 * @param replyStatus            the status a unit sends back to a status poll or confirmation request
 * @param confirmStatuses        status values that ask a person to confirm (answered after the confirm delay);
 *                               any other status is a poll, answered by the terminal after the auto delay
 * @param voiceGroup             a GSSI; an SDS or status sent to it starts a voice roll call (0 = none)
 * @param talkTime               how long each talker holds the floor
 * @param backgroundTalkInterval one random online unit talks this often (zero = never)
 * @param noiseInterval          a line of garbage bytes goes out this often (zero = never)
 */
public record PeiRadioOptions(RadioEndpoint endpoint, SerialSettings serial, long radioIssi, int replyStatus,
        Set<Integer> confirmStatuses, long voiceGroup, Duration talkTime, Duration backgroundTalkInterval,
        Duration noiseInterval) {

    public static final long DEFAULT_RADIO_ISSI = 9_999_001;
    public static final int DEFAULT_REPLY_STATUS = 0x8002;
    public static final int DEFAULT_CONFIRM_STATUS = 0x8001;

    public PeiRadioOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serial, "serial");
        confirmStatuses = Set.copyOf(confirmStatuses);
        requireSsi(radioIssi, "radio ISSI", 1);
        requireSsi(voiceGroup, "voice group", 0);
        requireStatus(replyStatus);
        confirmStatuses.forEach(PeiRadioOptions::requireStatus);
        requirePositive(talkTime, "talk time");
        requireNotNegative(backgroundTalkInterval, "background talk interval");
        requireNotNegative(noiseInterval, "noise interval");
    }

    /** 9600 baud 8N1, status 0x8001 asks for a confirmation, replies 0x8002, 1.5 s talk spurts, no noise. */
    public static PeiRadioOptions defaults(RadioEndpoint endpoint) {
        return new PeiRadioOptions(endpoint, SerialSettings.of8N1(9600), DEFAULT_RADIO_ISSI, DEFAULT_REPLY_STATUS,
                Set.of(DEFAULT_CONFIRM_STATUS), 0, Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO);
    }

    public PeiRadioOptions withSerial(SerialSettings newSerial) {
        return new PeiRadioOptions(endpoint, newSerial, radioIssi, replyStatus, confirmStatuses, voiceGroup, talkTime,
                backgroundTalkInterval, noiseInterval);
    }

    public PeiRadioOptions withVoice(long newVoiceGroup, Duration newTalkTime, Duration newBackgroundInterval) {
        return new PeiRadioOptions(endpoint, serial, radioIssi, replyStatus, confirmStatuses, newVoiceGroup,
                newTalkTime, newBackgroundInterval, noiseInterval);
    }

    public PeiRadioOptions withNoiseInterval(Duration interval) {
        return new PeiRadioOptions(endpoint, serial, radioIssi, replyStatus, confirmStatuses, voiceGroup, talkTime,
                backgroundTalkInterval, interval);
    }

    private static void requireSsi(long ssi, String what, long min) {
        if (ssi < min || ssi > PeiLimits.MAX_SSI) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + PeiLimits.MAX_SSI + ", got " + ssi);
        }
    }

    private static void requireStatus(Integer status) {
        if (status == null || status < 0 || status > 0xFFFF || (status >> 8 & 0xFC) == 0x7C) {
            throw new IllegalArgumentException("status must be 0000..FFFF outside 7C00..7FFF (short reports), got "
                    + status);
        }
    }

    static void requirePositive(Duration d, String what) {
        requireNotNegative(d, what);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }
}
