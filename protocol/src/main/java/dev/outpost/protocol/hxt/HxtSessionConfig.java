package dev.outpost.protocol.hxt;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one client session.
 *
 * @param keepalive      period of the client's own ping while online
 * @param requestTimeout how long any request (logon, ping, roll_call) may wait for its reply
 */
public record HxtSessionConfig(String authToken, String client, Duration keepalive, Duration requestTimeout) {
    public HxtSessionConfig {
        HxtChecks.bounded("auth_token", authToken, 1, HxtLimits.MAX_TOKEN_CHARS);
        HxtChecks.id("client", client);
        requirePositive("keepalive", keepalive);
        requirePositive("requestTimeout", requestTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    @Override
    public String toString() {
        return "HxtSessionConfig[authToken=***, client=" + client + ", keepalive=" + keepalive
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
