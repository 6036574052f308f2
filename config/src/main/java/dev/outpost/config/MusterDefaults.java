package dev.outpost.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Muster timing and bearer preference used when a muster request does not override them.
 * {@code prefer} lists link ids, most preferred first; by default all links in config order.
 */
public record MusterDefaults(
        MusterMethod method,
        Duration attemptTimeout,
        int retries,
        Duration deadline,
        Duration lateWindow,
        List<String> prefer) {

    public static final MusterMethod DEFAULT_METHOD = MusterMethod.CONFIRM;
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRIES = 1;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LATE_WINDOW = Duration.ofSeconds(30);

    public MusterDefaults {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(lateWindow, "lateWindow");
        prefer = List.copyOf(prefer);
    }
}
