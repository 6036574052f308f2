package dev.outpost.simulator.serial;

/**
 * When the bytes of each frame reach the peer so that the line is no faster than its baud rate. Pure arithmetic
 * on instants (no clock, no sleeping), so the pacing is tested in virtual time.
 *
 * <p>A frame starts on the line when it was queued or, if the line is busy, when the previous frame ends. Its
 * byte {@code i} is delivered when its last bit is in, {@code start + (i + 1) * byteNanos}, as a UART receiver
 * hands it over. A writer that wakes late delivers every byte that is due by then at once, so a loaded machine
 * makes the bytes bunch up but never makes the line slower or faster on average. Only if the writer is later than
 * {@code catchUpNanos} in starting a frame does the frame start at the late instant instead.
 */
public final class LinePacer {
    static final long CATCH_UP_NANOS = 50_000_000L;

    private final long byteNanos;
    private final long catchUpNanos;
    private boolean started;
    private long lineFreeAt;

    public LinePacer(long byteNanos, long catchUpNanos) {
        if (byteNanos <= 0 || catchUpNanos < 0) {
            throw new IllegalArgumentException("byte time must be positive and catch-up not negative");
        }
        this.byteNanos = byteNanos;
        this.catchUpNanos = catchUpNanos;
    }

    public static LinePacer forLine(SerialSettings settings) {
        return new LinePacer(settings.byteNanos(), CATCH_UP_NANOS);
    }

    /** When a frame queued at {@code queuedAt} starts on the line, asked at {@code now} (not before queuedAt). */
    public long frameStart(long queuedAt, long now) {
        long earliest = started ? Math.max(queuedAt, lineFreeAt) : queuedAt;
        return now - earliest <= catchUpNanos ? earliest : now;
    }

    /** How many bytes of a frame of {@code length} that started at {@code start} are delivered by {@code now}. */
    public int delivered(long start, long now, int length) {
        return now < start ? 0 : (int) Math.min(length, (now - start) / byteNanos);
    }

    /** When byte {@code index} of a frame that started at {@code start} is delivered. */
    public long deliveryOf(long start, int index) {
        return start + (index + 1) * byteNanos;
    }

    /** Records that a frame of {@code length} bytes started at {@code start}: the line is busy until it ends. */
    public void frameSent(long start, int length) {
        lineFreeAt = start + length * byteNanos;
        started = true;
    }

    public long byteNanos() {
        return byteNanos;
    }
}
