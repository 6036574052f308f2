package dev.outpost.simulator.serial;

import dev.outpost.simulator.truth.TruthEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Bytes a simulated radio puts on its line, at or after {@code dueMonoNanos} ({@code System.nanoTime()}), and
 * what the ground truth records when the first byte goes out (null: nothing, e.g. an {@code OK}).
 */
public record Emission(long dueMonoNanos, byte[] bytes, TruthOnSend truth) {

    /** The ground-truth entry for a frame whose first byte left at {@code sendMonoNanos}. */
    @FunctionalInterface
    public interface TruthOnSend {
        TruthEntry entry(long sendMonoNanos, Instant sendWall, int wireBytes, long byteNanos);
    }

    public Emission {
        Objects.requireNonNull(bytes, "bytes");
    }

    /** ASCII text to send as soon as the line is free. */
    public static Emission now(String ascii) {
        return new Emission(Long.MIN_VALUE, ascii.getBytes(StandardCharsets.US_ASCII), null);
    }

    public static Emission at(long dueMonoNanos, String ascii, TruthOnSend truth) {
        return new Emission(dueMonoNanos, ascii.getBytes(StandardCharsets.US_ASCII), truth);
    }

    public String ascii() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
