package dev.outpost.config;

import java.util.Objects;

/**
 * The metrics, health and status-page HTTP server.
 *
 * @param enabled whether the server runs at all
 * @param listen  where it listens; loopback by default, since the endpoints carry no authentication
 */
public record HttpSettings(boolean enabled, HostPort listen) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 9108);

    public HttpSettings {
        Objects.requireNonNull(listen, "listen");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(true, DEFAULT_LISTEN);
    }
}
