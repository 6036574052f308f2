package dev.outpost.config;

import java.util.Optional;

/** Binds the {@code http:} section: {@code { listen: host:port, enabled: true }}. */
final class HttpBinder {
    private HttpBinder() {
    }

    static HttpSettings bind(MapReader root) {
        Optional<MapReader> section = root.section("http");
        if (section.isEmpty()) {
            return HttpSettings.defaults();
        }
        MapReader r = section.get();
        boolean enabled = HbpValues.bool(r, "enabled").orElse(true);
        HostPort listen = HbpValues.hostPort(r, "listen", 0, "e.g. 127.0.0.1:9108 (port 0 takes any free port)")
                .orElse(HttpSettings.DEFAULT_LISTEN);
        r.finish();
        return new HttpSettings(enabled, listen);
    }
}
