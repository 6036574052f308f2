package dev.outpost.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads the serial port keys shared by {@code pei} and {@code fleetsync} links. */
final class SerialPortBinder {
    private static final Map<String, String> PARITIES = Map.of("none", "none", "odd", "odd", "even", "even",
            "mark", "mark", "space", "space");
    private static final Map<String, String> STOP_BITS = Map.of("1", "1", "1.5", "1.5", "2", "2");
    private static final Map<String, String> FLOW = Map.of("none", "none", "rts-cts", "rts-cts",
            "xon-xoff", "xon-xoff");

    private SerialPortBinder() {
    }

    /** The port settings, or empty when {@code port}/{@code tcp} is missing or both are given (reported). */
    static Optional<SerialPortSettings> bind(MapReader r) {
        Optional<String> port = r.string("port");
        Optional<HostPort> tcp = HbpValues.hostPort(r, "tcp");
        boolean tcpGiven = r.has("tcp");
        if (port.isPresent() && tcpGiven) {
            r.context().error(r.markOf("tcp"), "give either 'port' (a local device) or 'tcp' (a device server), "
                    + "not both", null);
        } else if (port.isEmpty() && !tcpGiven) {
            r.context().error(r.markOf("port"), "missing required key 'port' or 'tcp' in '" + r.path() + "'",
                    "e.g. port: /dev/serial/by-id/usb-FTDI_..., or tcp: 10.0.0.5:4001");
        }
        Optional<Path> device = port.flatMap(p -> devicePath(r, p));
        int baud = Values.whole(r, "baud", 50, 4_000_000).map(Long::intValue).orElse(SerialPortSettings.DEFAULT_BAUD);
        int dataBits = Values.whole(r, "data_bits", 5, 8).map(Long::intValue).orElse(8);
        String parity = Values.choice(r, "parity", PARITIES).orElse("none");
        String stopBits = Values.choice(r, "stop_bits", STOP_BITS).orElse("1");
        String flow = Values.choice(r, "flow_control", FLOW).orElse("none");
        Optional<Path> nativeLibDir = r.string("native_lib_dir").map(p -> r.context().resolve(p));
        Backoff reconnect = Backoff.read(r, new Backoff(SerialPortSettings.DEFAULT_RECONNECT_MIN,
                SerialPortSettings.DEFAULT_RECONNECT_MAX));
        Duration commandTimeout = Values.duration(r, "command_timeout", SerialPortSettings.DEFAULT_COMMAND_TIMEOUT,
                Duration.ofMillis(10), Duration.ofMinutes(5));
        if (device.isPresent() == tcp.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new SerialPortSettings(device, tcp, baud, dataBits, parity, stopBits, flow, nativeLibDir,
                reconnect.min(), reconnect.max(), commandTimeout));
    }

    private static Optional<Path> devicePath(MapReader r, String text) {
        if (!text.startsWith("/")) {
            r.context().error(r.markOf("port"), "'port' must be an absolute device path, got '" + text + "'",
                    "prefer the stable /dev/serial/by-id/... link (docs/serial.md)");
            return Optional.empty();
        }
        return Optional.of(Path.of(text));
    }
}
