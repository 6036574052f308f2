package dev.outpost.protocol.pei;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one {@link PeiSession}.
 *
 * @param commandTimeout how long a command may wait for its final result (OK, ERROR, +CME ERROR)
 * @param promptTimeout  how long {@code AT+CMGS} may wait for the {@code >} prompt
 * @param syncTimeout    how long a resynchronising {@code AT} may wait for OK before it is sent again
 * @param waitForPrompt  true: send an SDS body only after the prompt (the handshake); false: send the command
 *                       line and the body in one write, for radios that never prompt
 * @param initCommands   sent in order after every {@link PeiSession#start}, before anything submitted
 */
public record PeiSessionConfig(Duration commandTimeout, Duration promptTimeout, Duration syncTimeout,
                               boolean waitForPrompt, List<PeiCommand> initCommands) {
    public PeiSessionConfig {
        requirePositive("commandTimeout", commandTimeout);
        requirePositive("promptTimeout", promptTimeout);
        requirePositive("syncTimeout", syncTimeout);
        initCommands = List.copyOf(initCommands);
    }

    /**
     * Timeouts of a few seconds and the usual init: echo off, statuses and text messaging routed to the PEI.
     */
    public static PeiSessionConfig defaults() {
        return new PeiSessionConfig(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2), true,
                List.of(new PeiCommand.EchoOff(), PeiCommand.SetServiceProfile.status(),
                        PeiCommand.SetServiceProfile.textMessaging()));
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
