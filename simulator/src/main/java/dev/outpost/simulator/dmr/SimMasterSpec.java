package dev.outpost.simulator.dmr;

import java.time.Duration;
import java.util.Objects;

/**
 * The simulated HBP master for Outpost's peer role: it listens on {@code host:port} (port 0 = any free one),
 * accepts peers that prove {@code passphrase}, relays its radios' traffic to them and carries their radio
 * checks, call alerts and calls to its radios (which live on its two slots, alternately).
 *
 * @param masterId         the repeater id the master's own bursts carry before they are stamped for a peer
 * @param trafficInterval  background talkgroup traffic: one online radio keys up this often; zero = none
 * @param trafficTalkgroup the talkgroup of that traffic
 */
public record SimMasterSpec(String host, int port, String passphrase, long masterId, int colourCode,
        Duration trafficInterval, int trafficTalkgroup) {
    public SimMasterSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(trafficInterval, "trafficInterval");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (trafficInterval.isNegative()) {
            throw new IllegalArgumentException("traffic interval must not be negative");
        }
    }

    /** Loopback, the given port, no background traffic. */
    public static SimMasterSpec onLoopback(int port, String passphrase) {
        return new SimMasterSpec("127.0.0.1", port, passphrase, 9_990_001L, 1, Duration.ZERO, 91);
    }

    /** Never prints the passphrase. */
    @Override
    public String toString() {
        return "SimMasterSpec[host=" + host + ", port=" + port + ", masterId=" + masterId + ", colourCode="
                + colourCode + ", trafficInterval=" + trafficInterval + ", trafficTalkgroup=" + trafficTalkgroup + "]";
    }
}
