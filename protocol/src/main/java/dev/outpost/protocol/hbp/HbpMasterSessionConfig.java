package dev.outpost.protocol.hbp;

import java.time.Duration;

/**
 * Settings of every {@link HbpMasterSession}. Defaults follow HBlink3: peers ping every 5 s and are dropped after
 * 3 missed pings; a login must complete within 15 s. MMDVMHost-based peers ping every 10 s, so a master serving
 * them should allow at least that: {@code pingInterval x maxMissedPings} is the silence allowed.
 */
public record HbpMasterSessionConfig(Duration pingInterval, int maxMissedPings, Duration handshakeTimeout) {

    public HbpMasterSessionConfig {
        HbpPeerSessionConfig.requirePositive("pingInterval", pingInterval);
        HbpPeerSessionConfig.requirePositive("handshakeTimeout", handshakeTimeout);
        if (maxMissedPings < 1) {
            throw new IllegalArgumentException("maxMissedPings must be at least 1");
        }
    }

    public static HbpMasterSessionConfig defaults() {
        return new HbpMasterSessionConfig(Duration.ofSeconds(5), 3, Duration.ofSeconds(15));
    }

    /** How long a connected peer may stay silent before it is dropped. */
    public Duration silenceAllowed() {
        return pingInterval.multipliedBy(maxMissedPings);
    }
}
