package dev.outpost.bench.load;

import java.util.concurrent.TimeUnit;

/**
 * The peak of a gateway's heap in use while a muster runs: a background thread reads
 * {@code jvm_memory_used_bytes{area="heap"}} (the sum of the heap pools, garbage included) from its {@code /metrics}
 * every {@value #PERIOD_MS} ms and keeps the highest. A sample is what the heap held at that instant, so the peak is
 * the highest of 4 samples a second, not the true maximum between two collections. Not more often: a scrape of
 * {@code /metrics} costs the gateway CPU (at 10 a second, ~10 % of its samples in a JFR profile of an hbp run with
 * 120 base stations' meters). The thread stops when closed,
 * and by itself after {@value #LIMIT_MINUTES} minutes should the harness forget it.
 */
final class HeapPoller implements AutoCloseable {
    static final long PERIOD_MS = 250;
    static final long LIMIT_MINUTES = 15;

    private final GatewayProcess gateway;
    private final Thread thread;
    private volatile boolean stopped;
    private double peakMiB = Double.NaN;

    private HeapPoller(GatewayProcess gateway) {
        this.gateway = gateway;
        this.thread = new Thread(this::poll, "bench-heap-poller");
        thread.setDaemon(true);
    }

    /** Starts polling now (one sample at once). */
    static HeapPoller start(GatewayProcess gateway) {
        HeapPoller poller = new HeapPoller(gateway);
        poller.sample();
        poller.thread.start();
        return poller;
    }

    private void poll() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LIMIT_MINUTES);
        while (!stopped && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        double mib = gateway.heapUsedMiB();
        synchronized (this) {
            if (!Double.isNaN(mib)) {
                peakMiB = Double.isNaN(peakMiB) ? mib : Math.max(peakMiB, mib);
            }
        }
    }

    /** The highest heap in use seen so far, in MiB (NaN if no sample could be read). */
    synchronized double peakMiB() {
        return peakMiB;
    }

    /** Stops the thread (bounded wait), takes one last sample and returns the peak. */
    double stop() {
        close();
        sample();
        return peakMiB();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
