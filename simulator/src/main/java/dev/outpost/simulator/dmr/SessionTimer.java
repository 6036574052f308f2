package dev.outpost.simulator.dmr;

import java.util.OptionalLong;

/** Keeps one pending timer for a sans-I/O session's {@code pollTimeout()}: only the latest deadline fires. */
final class SessionTimer {
    private final DmrScheduler scheduler;
    private long armedAt;
    private boolean armed;

    SessionTimer(DmrScheduler scheduler) {
        this.scheduler = scheduler;
    }

    void arm(OptionalLong due, Runnable onDue) {
        if (due.isEmpty()) {
            armed = false;
            return;
        }
        long at = due.getAsLong();
        if (armed && armedAt == at) {
            return;
        }
        armed = true;
        armedAt = at;
        scheduler.at(at, () -> {
            if (armed && armedAt == at) {
                armed = false;
                onDue.run();
            }
        });
    }
}
