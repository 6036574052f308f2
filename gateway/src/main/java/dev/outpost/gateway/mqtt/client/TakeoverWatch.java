package dev.outpost.gateway.mqtt.client;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts connection losses and tells a session takeover (two gateways sharing a client id) from an ordinary
 * loss, logging the former loudly: the broker's MQTT 5 reason 0x8E when it sends one, otherwise a burst of
 * short-lived connections. Not thread-safe: the client calls it under its lock.
 */
final class TakeoverWatch {
    private static final Logger log = LoggerFactory.getLogger(TakeoverWatch.class);

    private final String serverUri;
    private final String clientId;
    private final RapidLossDetector rapidLosses =
            new RapidLossDetector(Duration.ofSeconds(10).toNanos(), Duration.ofMinutes(2).toNanos(), 3);
    private long losses;
    private long takeovers;
    private long suspectedTakeovers;

    TakeoverWatch(String serverUri, String clientId) {
        this.serverUri = serverUri;
        this.clientId = clientId;
    }

    void onLoss(String cause, boolean takenOver, boolean wasConnected, long connectedAtNanos, long nowNanos) {
        losses++;
        if (takenOver) {
            takeovers++;
            log.error("MQTT SESSION TAKEN OVER: another client connected to {} with our client id '{}'. Two "
                    + "gateways probably share this id; give each gateway its own.", serverUri, clientId);
        } else if (wasConnected && rapidLosses.onLoss(connectedAtNanos, nowNanos)) {
            suspectedTakeovers++;
            log.error("MQTT connection to {} keeps dropping right after connecting. Two gateways may share client "
                    + "id '{}' (on MQTT 3.1.1 a takeover looks like this). Last cause: {}", serverUri, clientId, cause);
        } else {
            log.warn("MQTT connection to {} lost: {}", serverUri, cause);
        }
    }

    long losses() {
        return losses;
    }

    long takeovers() {
        return takeovers;
    }

    long suspectedTakeovers() {
        return suspectedTakeovers;
    }
}
