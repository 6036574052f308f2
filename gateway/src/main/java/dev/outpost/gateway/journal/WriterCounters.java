package dev.outpost.gateway.journal;

/** Counters the writer thread updates and any thread reads (single writer, so volatile suffices). */
final class WriterCounters {

    private volatile long committedOps;
    private volatile long transactions;
    private volatile long failedOps;
    private volatile long largestBatch;
    private volatile long lastCommitNanos;
    private volatile long maxCommitNanos;
    private volatile long commitFailures;

    void committed(int ops, long commitNanos) {
        committedOps += ops;
        transactions++;
        largestBatch = Math.max(largestBatch, ops);
        lastCommitNanos = commitNanos;
        maxCommitNanos = Math.max(maxCommitNanos, commitNanos);
    }

    void failed() {
        failedOps++;
    }

    void commitFailed() {
        commitFailures++;
    }

    JournalStats snapshot(long queued, long blockedWrites) {
        return new JournalStats(queued, committedOps, transactions, failedOps, largestBatch, lastCommitNanos,
                maxCommitNanos, commitFailures, blockedWrites);
    }
}
