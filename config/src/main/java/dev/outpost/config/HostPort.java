package dev.outpost.config;

import java.util.Objects;

/** A host (name or IP literal, without brackets) and a UDP/TCP port, as written {@code host:port}. */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
