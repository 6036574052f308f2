package dev.outpost.simulator.hxt;

/**
 * Server-side keepalive bookkeeping for one connection, free of I/O and clocks: on each tick the
 * server either drops the client (too many pings unanswered in a row) or sends the next ping.
 */
final class PingTracker {
    /** What to do on a keepalive tick. */
    sealed interface Tick {
        record SendPing(long nonce) implements Tick {
        }

        record Drop(int unanswered) implements Tick {
        }
    }

    private final int missedToDrop;
    private long nextNonce = 1;
    private long oldestUnanswered = -1;
    private int unanswered;

    PingTracker(int missedToDrop) {
        if (missedToDrop < 1) {
            throw new IllegalArgumentException("missedToDrop must be >= 1");
        }
        this.missedToDrop = missedToDrop;
    }

    Tick tick() {
        if (unanswered >= missedToDrop) {
            return new Tick.Drop(unanswered);
        }
        long nonce = nextNonce++;
        if (unanswered == 0) {
            oldestUnanswered = nonce;
        }
        unanswered++;
        return new Tick.SendPing(nonce);
    }

    /** A pong for any ping still outstanding proves the client alive; stale or bogus nonces do not. */
    boolean pong(long nonce) {
        if (unanswered > 0 && nonce >= oldestUnanswered && nonce < nextNonce) {
            unanswered = 0;
            return true;
        }
        return false;
    }

    int unanswered() {
        return unanswered;
    }
}
