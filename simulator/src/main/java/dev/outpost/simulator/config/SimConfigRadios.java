package dev.outpost.simulator.config;

import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.SerialSettings;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The YAML shape of the {@code pei_radios} and {@code fleetsync_radios} sections. Each entry is checked in its
 * constructor (so an error points at the entry) by building its options; the resolver builds them again with
 * a pty path resolved against the config file's directory.
 */
final class SimConfigRadios {
    private SimConfigRadios() {
    }

    /** Where a radio's port is and how fast: exactly one of {@code pty} and {@code tcp_port}. */
    record Serial(String pty, String tcpHost, Integer tcpPort, Integer baud, Integer bitsPerByte) {
        Serial {
            if ((pty == null) == (tcpPort == null)) {
                throw new IllegalArgumentException("serial needs exactly one of pty, tcp_port");
            }
            if (tcpHost != null && tcpPort == null) {
                throw new IllegalArgumentException("serial.tcp_host goes with tcp_port");
            }
            endpoint(pty, tcpHost, tcpPort, UnaryOperator.identity());
            settings(baud, bitsPerByte, SerialSettings.BITS_8N1);
        }

        RadioEndpoint endpoint(UnaryOperator<Path> resolve) {
            return endpoint(pty, tcpHost, tcpPort, resolve);
        }

        SerialSettings settings(int defaultBits) {
            return settings(baud, bitsPerByte, defaultBits);
        }

        private static RadioEndpoint endpoint(String pty, String tcpHost, Integer tcpPort, UnaryOperator<Path> resolve) {
            return pty != null ? new RadioEndpoint.Pty(resolve.apply(Path.of(pty)))
                    : new RadioEndpoint.Tcp(tcpHost != null ? tcpHost : "127.0.0.1", tcpPort);
        }

        private static SerialSettings settings(Integer baud, Integer bitsPerByte, int defaultBits) {
            return new SerialSettings(baud != null ? baud : 9600, bitsPerByte != null ? bitsPerByte : defaultBits);
        }
    }

    /** One simulated TETRA radio; statuses are written as four hex digits ({@code "8002"}). */
    record PeiRadio(Serial serial, Long issi, String replyStatus, List<String> confirmStatuses, Long voiceGroup,
            Duration talkTime, Duration backgroundTalkInterval, Duration noiseInterval) {
        PeiRadio {
            if (serial == null) {
                throw new IllegalArgumentException("a PEI radio needs 'serial' (pty or tcp_port)");
            }
            build(serial, issi, replyStatus, confirmStatuses, voiceGroup, talkTime, backgroundTalkInterval,
                    noiseInterval, UnaryOperator.identity());
        }

        PeiRadioOptions toOptions(UnaryOperator<Path> resolve) {
            return build(serial, issi, replyStatus, confirmStatuses, voiceGroup, talkTime, backgroundTalkInterval,
                    noiseInterval, resolve);
        }

        private static PeiRadioOptions build(Serial serial, Long issi, String replyStatus,
                List<String> confirmStatuses, Long voiceGroup, Duration talkTime, Duration backgroundTalkInterval,
                Duration noiseInterval, UnaryOperator<Path> resolve) {
            PeiRadioOptions d = PeiRadioOptions.defaults(serial.endpoint(resolve));
            Set<Integer> confirm = new LinkedHashSet<>();
            if (confirmStatuses != null) {
                confirmStatuses.forEach(s -> confirm.add(status(s)));
            }
            return new PeiRadioOptions(d.endpoint(), serial.settings(SerialSettings.BITS_8N1),
                    issi != null ? issi : d.radioIssi(), replyStatus != null ? status(replyStatus) : d.replyStatus(),
                    confirmStatuses != null ? confirm : d.confirmStatuses(), voiceGroup != null ? voiceGroup : 0,
                    talkTime != null ? talkTime : d.talkTime(),
                    backgroundTalkInterval != null ? backgroundTalkInterval : d.backgroundTalkInterval(),
                    noiseInterval != null ? noiseInterval : d.noiseInterval());
        }

        private static int status(String hex) {
            if (hex == null || !hex.matches("[0-9A-Fa-f]{4}")) {
                throw new IllegalArgumentException("a status is four hex digits, e.g. 8002; got " + hex);
            }
            return Integer.parseInt(hex, 16);
        }
    }

    /** One simulated Kenwood radio with FleetSync. */
    record FleetSyncRadio(Serial serial, Double corruptFraction, Double positionFraction, Integer ackStatus,
            Duration talkTime, Duration rollCallEvery, Duration backgroundTalkInterval) {
        FleetSyncRadio {
            if (serial == null) {
                throw new IllegalArgumentException("a FleetSync radio needs 'serial' (pty or tcp_port)");
            }
            build(serial, corruptFraction, positionFraction, ackStatus, talkTime, rollCallEvery,
                    backgroundTalkInterval, UnaryOperator.identity());
        }

        FleetSyncRadioOptions toOptions(UnaryOperator<Path> resolve) {
            return build(serial, corruptFraction, positionFraction, ackStatus, talkTime, rollCallEvery,
                    backgroundTalkInterval, resolve);
        }

        private static FleetSyncRadioOptions build(Serial serial, Double corruptFraction, Double positionFraction,
                Integer ackStatus, Duration talkTime, Duration rollCallEvery, Duration backgroundTalkInterval,
                UnaryOperator<Path> resolve) {
            FleetSyncRadioOptions d = FleetSyncRadioOptions.defaults(serial.endpoint(resolve));
            return new FleetSyncRadioOptions(d.endpoint(), serial.settings(SerialSettings.BITS_8N2),
                    corruptFraction != null ? corruptFraction : d.corruptFraction(),
                    positionFraction != null ? positionFraction : d.positionFraction(),
                    ackStatus != null ? ackStatus : d.ackStatus(), talkTime != null ? talkTime : d.talkTime(),
                    rollCallEvery != null ? rollCallEvery : d.rollCallEvery(),
                    backgroundTalkInterval != null ? backgroundTalkInterval : d.backgroundTalkInterval());
        }
    }
}
