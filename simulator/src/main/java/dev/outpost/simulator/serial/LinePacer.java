package dev.outpost.simulator.serial;

/**
 * When each byte may go out so that a stream is no faster than the line allows. Pure arithmetic on instants
 * (no clock, no sleeping), so the pacing is tested in virtual time.
 *
 * <p>Bytes follow a cadence of one per {@code byteNanos}. A writer that wakes a little late (up to
 * {@code catchUpNanos}) keeps the cadence, so it may send a few bytes back to back to catch up and the average
 * rate stays exact instead of drifting slower with every late wake-up. A longer gap means the line went idle,
 * and the cadence restarts at the next byte, as a UART's does.
 */
public final class LinePacer {
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

    /** A pacer for {@code settings} that tolerates 2 ms (or two bytes, if longer) of writer lateness. */
    public static LinePacer forLine(SerialSettings settings) {
        return new LinePacer(settings.byteNanos(), Math.max(2_000_000L, 2 * settings.byteNanos()));
    }

    /** The earliest instant the next byte may start, asked at {@code now}. */
    public long nextStart(long now) {
        return started ? Math.max(now, lineFreeAt) : now;
    }

    /** Records that a byte started at {@code startedAt} (not before {@link #nextStart}). */
    public void sent(long startedAt) {
        boolean keepCadence = started && startedAt - lineFreeAt <= catchUpNanos;
        lineFreeAt = (keepCadence ? lineFreeAt : startedAt) + byteNanos;
        started = true;
    }

    public long byteNanos() {
        return byteNanos;
    }
}
