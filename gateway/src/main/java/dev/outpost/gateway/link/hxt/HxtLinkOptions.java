package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.link.Pacing;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of one hxt link; the composition root maps the config file onto this.
 *
 * @param url            {@code ws://host:port/hxt/v1} or {@code wss://...}
 * @param token          the logon token (a secret: never logged, never in {@link #toString()})
 * @param keepalive      period of the link's own pings
 * @param requestTimeout how long logon, ping and roll_call may wait for their reply
 * @param reconnectMin   first reconnect delay (before jitter)
 * @param reconnectMax   largest reconnect delay
 */
public record HxtLinkOptions(String id, URI url, String token, Pacing pacing, Duration keepalive,
        Duration requestTimeout, Duration reconnectMin, Duration reconnectMax) {

    public HxtLinkOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(pacing, "pacing");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("hxt url must be ws:// or wss://, not " + url.getScheme());
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("hxt url has no host");
        }
        requirePositive("keepalive", keepalive);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("reconnectMin", reconnectMin);
        requirePositive("reconnectMax", reconnectMax);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " < reconnectMin " + reconnectMin);
        }
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    public boolean secure() {
        return url.getScheme().equalsIgnoreCase("wss");
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** The URL as shown in status and logs: no user info, query or fragment (any could hold credentials). */
    public String peer() {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost() + ":" + port();
        }
    }

    @Override
    public String toString() {
        return "HxtLinkOptions[id=" + id + ", url=" + peer() + ", token=***, pacing=" + pacing + ", keepalive="
                + keepalive + ", requestTimeout=" + requestTimeout + ", reconnectMin=" + reconnectMin
                + ", reconnectMax=" + reconnectMax + "]";
    }
}
