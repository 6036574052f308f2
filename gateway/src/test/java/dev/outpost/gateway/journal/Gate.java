package dev.outpost.gateway.journal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A write op that holds the writer thread until released, so a test can fill the queue deterministically. */
final class Gate implements WriteOp<Void> {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public Void apply(WriteContext tx) {
        entered.countDown();
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Submits the gate and waits until the writer thread is inside it. */
    static Gate holdWriter(Journal journal) throws InterruptedException {
        Gate gate = new Gate();
        journal.write(gate);
        if (!gate.entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writer never ran the gate");
        }
        return gate;
    }

    void release() {
        released.countDown();
    }
}
