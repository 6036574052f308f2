package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.mqtt.client.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link SerialLinkDriver}.
 *
 * @param reopen         delays between reopen attempts (jittered, doubling); its max bounds how long a port
 *                       that comes back waits to be reopened, so keep it under the 5 s the muster expects
 * @param writeQueueSize writes waiting for the port; beyond that {@link WriteOutcome#QUEUE_FULL}
 * @param closeWait      how long {@link SerialLinkDriver#close()} waits for each of its threads
 */
public record SerialDriverOptions(Backoff reopen, int writeQueueSize, Duration closeWait) {

    public SerialDriverOptions {
        Objects.requireNonNull(reopen, "reopen");
        Objects.requireNonNull(closeWait, "closeWait");
        if (writeQueueSize < 1) {
            throw new IllegalArgumentException("writeQueueSize must be positive, got " + writeQueueSize);
        }
    }

    /** Reopen after 0.1–0.2 s, doubling up to 2–4 s; 256 queued writes; 5 s per thread on close. */
    public static SerialDriverOptions defaults() {
        return new SerialDriverOptions(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(4)), 256,
                Duration.ofSeconds(5));
    }
}
