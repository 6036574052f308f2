package dev.outpost.config;

import java.util.Objects;

/**
 * A host (name or IP literal, without brackets) and a UDP/TCP port, as written {@code host:port}. Port 0 is only
 * for listening sockets, where it means "any free port" (binders that do not accept it say so).
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
