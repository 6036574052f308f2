package dev.outpost.gateway.link.serial;

import java.nio.file.Path;
import java.util.Objects;

/** Where a radio's serial port is: a local device, or a device server reached over raw TCP. */
public sealed interface SerialEndpoint {

    /** Human-readable and credential-free; goes into {@code LinkStatus.peer}. */
    String describe();

    /**
     * A local serial device. Prefer the stable {@code /dev/serial/by-id/...} link to {@code /dev/ttyUSB0}: the
     * link is resolved again at every open, so a USB adapter that comes back under another tty number is found.
     */
    record LocalPort(Path device) implements SerialEndpoint {
        public LocalPort {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String describe() {
            return device.toString();
        }
    }

    /** A serial device server in raw TCP server mode (ser2net {@code raw}, Moxa "TCP Server"), port on it. */
    record TcpDeviceServer(String host, int port) implements SerialEndpoint {
        public TcpDeviceServer {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("need a host and a port in 1..65535, got " + host + ":" + port);
            }
        }

        @Override
        public String describe() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
