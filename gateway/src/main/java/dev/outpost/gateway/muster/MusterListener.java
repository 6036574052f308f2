package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;

/**
 * What {@link MusterService} tells the rest of the gateway (MQTT bridge, journal, metrics). Called on
 * the service's thread: do not block; hand off slow work. Exceptions are logged and swallowed.
 */
public interface MusterListener {
    default void onStarted(MusterSnapshot snapshot) {
    }

    /** At most every 500 ms while counts change, and once more at the finish. */
    default void onProgress(MusterSnapshot snapshot) {
    }

    default void onAck(MusterAck ack) {
    }

    default void onFinished(MusterReport report) {
    }
}
