package dev.outpost.simulator.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** Where a simulated radio's serial port is: one end of a pty pair, or a TCP port acting as a device server. */
public sealed interface RadioEndpoint {

    /** Opens the endpoint: binds the TCP port at once; a pty is opened (and reopened) by the line itself. */
    SerialAcceptor open() throws IOException;

    /**
     * A pty device (typically a link made by {@code socat pty,raw,echo=0,link=...}), opened as a file. The radio
     * reopens it after it disappears (the pair was killed: an unplugged cable) as soon as it is back.
     */
    record Pty(Path path) implements RadioEndpoint {
        public Pty {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public SerialAcceptor open() {
            return new PtyAcceptor(path);
        }
    }

    /**
     * A raw TCP server, as a serial device server (ser2net, Moxa) offers a port: one client at a time; the
     * next waits in the backlog until the current one disconnects.
     *
     * @param port 0 picks a free port (see {@code TcpAcceptor.port()})
     */
    record Tcp(String host, int port) implements RadioEndpoint {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
        }

        public static Tcp loopback(int port) {
            return new Tcp("127.0.0.1", port);
        }

        @Override
        public SerialAcceptor open() throws IOException {
            return TcpAcceptor.bind(host, port);
        }
    }
}
