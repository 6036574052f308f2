package dev.outpost.protocol.hbp;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link HbpPeerSession}. Defaults follow MMDVMHost/DMRGateway: a handshake step is resent every
 * 10 s, a ping goes out every 10 s, and 60 s without progress (handshake) or without MSTPONG (running) starts over.
 *
 * @param options RPTO text sent after the config, or null to skip that step
 */
public record HbpPeerSessionConfig(long peerId, String passphrase, PeerConfig config, String options,
        Duration resendInterval, Duration pingInterval, Duration timeout, Duration retryDelay) {

    public HbpPeerSessionConfig {
        HbpPacket.requirePeerId(peerId);
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(config, "config");
        requirePositive("resendInterval", resendInterval);
        requirePositive("pingInterval", pingInterval);
        requirePositive("timeout", timeout);
        requirePositive("retryDelay", retryDelay);
    }

    public static HbpPeerSessionConfig withDefaults(long peerId, String passphrase, PeerConfig config,
            String options) {
        return new HbpPeerSessionConfig(peerId, passphrase, config, options, Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /** The passphrase is a secret: never print it. */
    @Override
    public String toString() {
        return "HbpPeerSessionConfig[peerId=" + peerId + ", options=" + options + ", resendInterval=" + resendInterval
                + ", pingInterval=" + pingInterval + ", timeout=" + timeout + ", retryDelay=" + retryDelay + "]";
    }

    static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
