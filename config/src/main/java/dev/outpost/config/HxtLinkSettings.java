package dev.outpost.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** A link to a PoC server speaking Outpost's "hxt" WebSocket dialect. */
public record HxtLinkSettings(
        String id,
        URI url,
        SecretRef token,
        double callsPerSecond,
        int maxBatch,
        Duration keepalive,
        Duration requestTimeout,
        Duration reconnectMin,
        Duration reconnectMax) implements LinkSettings {

    public static final String TYPE = "hxt";
    public static final double DEFAULT_CALLS_PER_SECOND = 500;
    public static final int DEFAULT_MAX_BATCH = 20;
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(500);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);

    public HxtLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
