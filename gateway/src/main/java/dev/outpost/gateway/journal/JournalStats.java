package dev.outpost.gateway.journal;

/**
 * A snapshot of the journal's writer.
 *
 * @param queued          write ops waiting for the writer now
 * @param committedOps    write ops committed since open
 * @param transactions    transactions committed since open
 * @param failedOps       write ops whose future failed (op error or failed commit)
 * @param largestBatch    most ops committed in one transaction
 * @param lastCommitNanos how long the last COMMIT (the fsync) took
 * @param maxCommitNanos  longest COMMIT since open
 * @param commitFailures  COMMITs that failed, e.g. disk full or I/O error
 * @param blockedWrites   write calls that had to wait for room in the queue
 */
public record JournalStats(long queued, long committedOps, long transactions, long failedOps, long largestBatch,
                           long lastCommitNanos, long maxCommitNanos, long commitFailures, long blockedWrites) {

    /** Mean ops per transaction, 0 before the first commit. */
    public double meanBatch() {
        return transactions == 0 ? 0 : (double) committedOps / transactions;
    }
}
