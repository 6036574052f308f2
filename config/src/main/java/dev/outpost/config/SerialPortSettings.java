package dev.outpost.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a serial radio's port is and how its line is set (docs/config.md, "Serial port keys"): exactly one of a
 * local device and a device server's TCP address.
 *
 * @param device         a local device path, e.g. {@code /dev/serial/by-id/usb-FTDI_...}; empty with {@code tcp}
 * @param tcp            a serial device server in raw TCP mode; empty with {@code device}
 * @param parity         {@code none}, {@code odd}, {@code even}, {@code mark} or {@code space}
 * @param stopBits       {@code 1}, {@code 1.5} or {@code 2}
 * @param flowControl    {@code none}, {@code rts-cts} or {@code xon-xoff}
 * @param nativeLibDir   where jSerialComm's native library goes; empty means the storage native directory
 * @param commandTimeout how long a command may wait for the radio's answer (PEI; FleetSync never sends)
 */
public record SerialPortSettings(Optional<Path> device, Optional<HostPort> tcp, int baud, int dataBits,
        String parity, String stopBits, String flowControl, Optional<Path> nativeLibDir, Duration reconnectMin,
        Duration reconnectMax, Duration commandTimeout) {

    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(200);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(4);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    public SerialPortSettings {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tcp, "tcp");
        if (device.isPresent() == tcp.isPresent()) {
            throw new IllegalArgumentException("exactly one of device and tcp");
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(nativeLibDir, "nativeLibDir");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /** A device server at {@code tcp}, 9600 8N1, defaults otherwise (tests, examples). */
    public static SerialPortSettings tcp(HostPort tcp, int baud) {
        return new SerialPortSettings(Optional.empty(), Optional.of(tcp), baud, 8, "none", "1", "none",
                Optional.empty(), DEFAULT_RECONNECT_MIN, DEFAULT_RECONNECT_MAX, DEFAULT_COMMAND_TIMEOUT);
    }

    /** A local device, 8N1, defaults otherwise. */
    public static SerialPortSettings device(Path device, int baud) {
        return new SerialPortSettings(Optional.of(device), Optional.empty(), baud, 8, "none", "1", "none",
                Optional.empty(), DEFAULT_RECONNECT_MIN, DEFAULT_RECONNECT_MAX, DEFAULT_COMMAND_TIMEOUT);
    }
}
