package dev.outpost.gateway.cli.demo;

import java.time.Duration;

/**
 * What the demo muster looks like. The simulator's late units answer just after a unit's last
 * attempt has timed out, so they show up as {@code late} rather than as slow acks.
 *
 * @param brokerUrl      an external broker, or null for the embedded one
 * @param mqttVersion    {@code 3.1.1} or {@code 5}
 */
record DemoSettings(
        String brokerUrl,
        String mqttVersion,
        long seed,
        String method,
        Duration attemptTimeout,
        int retries,
        Duration lateWindow,
        double callsPerSecond,
        double noAnswerFraction,
        double lateFraction) {

    /** When a unit's last attempt times out, measured from its first call. */
    Duration unitDeadline() {
        return attemptTimeout.multipliedBy(retries + 1L);
    }
}
