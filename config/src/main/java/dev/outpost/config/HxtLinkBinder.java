package dev.outpost.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/** Binds {@code type: hxt} links (a PoC server speaking the hxt WebSocket dialect). */
final class HxtLinkBinder implements LinkBinder {
    private static final Duration SHORTEST = Duration.ofMillis(1);

    @Override
    public String type() {
        return HxtLinkSettings.TYPE;
    }

    @Override
    public Optional<LinkSettings> bind(String id, MapReader r) {
        int errorsBefore = r.context().errorCount();
        Optional<URI> url = r.requiredScalar("url").flatMap(s -> webSocketUrl(r, s.text(), s.mark()));
        Optional<SecretRef> token = FileValues.secret(r, "token", true);
        double callsPerSecond = Values.positiveNumber(r, "calls_per_second")
                .orElse(HxtLinkSettings.DEFAULT_CALLS_PER_SECOND);
        int maxBatch = Values.whole(r, "max_batch", 1, 10_000).map(Long::intValue)
                .orElse(HxtLinkSettings.DEFAULT_MAX_BATCH);
        Duration keepalive = Values.duration(r, "keepalive", HxtLinkSettings.DEFAULT_KEEPALIVE, SHORTEST,
                Values.UNBOUNDED);
        Duration requestTimeout = Values.duration(r, "request_timeout", HxtLinkSettings.DEFAULT_REQUEST_TIMEOUT,
                SHORTEST, Values.UNBOUNDED);
        Backoff reconnect = Backoff.read(r, new Backoff(HxtLinkSettings.DEFAULT_RECONNECT_MIN,
                HxtLinkSettings.DEFAULT_RECONNECT_MAX));
        if (r.context().errorCount() != errorsBefore || url.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HxtLinkSettings(id, url.get(), token.get(), callsPerSecond, maxBatch, keepalive,
                requestTimeout, reconnect.min(), reconnect.max()));
    }

    private static Optional<URI> webSocketUrl(MapReader r, String text, dev.outpost.config.yaml.Mark mark) {
        try {
            URI uri = new URI(text);
            if (("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, like any other unusable URL
        }
        r.context().error(mark, "'url' " + text + " is not a WebSocket URL",
                "use ws://host:port/path or wss://host:port/path, e.g. ws://127.0.0.1:8750/hxt/v1");
        return Optional.empty();
    }
}
