package dev.outpost.simulator.serial;

import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RadioBrain} on one thread against a {@link SerialLine}: input is handed over stamped, each
 * {@link Emission} is queued on the line at its due instant, and its ground truth is recorded just before its
 * first byte is written (so a peer can never hold a reply the truth lacks).
 */
public final class RadioDriver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RadioDriver.class);
    private static final long CALL_TIMEOUT_MS = 5_000;

    private final ScheduledExecutorService loop;
    private final GroundTruth truth;
    private final RadioBrain brain;
    private volatile SerialLine line;

    private RadioDriver(String name, GroundTruth truth, RadioBrain brain) {
        this.truth = truth;
        this.brain = brain;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public static RadioDriver start(String name, RadioEndpoint endpoint, SerialSettings settings, GroundTruth truth,
            RadioBrain brain) throws IOException {
        RadioDriver driver = new RadioDriver(name, truth, brain);
        try {
            driver.line = SerialLine.open(name, endpoint, settings, driver.new LineListener());
        } catch (IOException | RuntimeException e) {
            driver.loop.shutdownNow();
            throw e;
        }
        driver.line.start(); // after the field is set: the listener's tasks use it
        return driver;
    }

    public SerialLine line() {
        return line;
    }

    /** Runs {@code action} on the radio thread and sends what it returns. */
    public void run(Supplier<List<Emission>> action) {
        execute(() -> dispatch(action.get()));
    }

    /** Runs {@code action} on the radio thread and waits (bounded) for its result. */
    public <T> T call(Callable<T> action) {
        try {
            Future<T> result = loop.submit(action);
            return result.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("radio thread did not answer", e);
        }
    }

    /** Repeats {@code action} every {@code interval} (zero: never). */
    public void every(Duration interval, Supplier<List<Emission>> action) {
        if (!interval.isZero()) {
            long nanos = interval.toNanos();
            loop.scheduleAtFixedRate(() -> safely(() -> dispatch(action.get())), nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void dispatch(List<Emission> emissions) {
        long now = System.nanoTime();
        for (Emission emission : emissions) {
            long wait = emission.dueMonoNanos() == Long.MIN_VALUE ? 0 : emission.dueMonoNanos() - now;
            if (wait <= 0) {
                send(emission);
            } else {
                loop.schedule(() -> send(emission), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void send(Emission emission) {
        Emission.TruthOnSend onSend = emission.truth();
        long byteNanos = line.settings().byteNanos();
        line.send(emission.bytes(), onSend == null ? null
                : (sendMono, sendWall) -> truth.record(onSend.entry(sendMono, sendWall, emission.bytes().length,
                        byteNanos)));
    }

    private void execute(Runnable task) {
        try {
            loop.execute(() -> safely(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("radio closed; dropping a task");
        }
    }

    /** A bug in the radio logic must not kill its thread: log it and carry on. */
    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("simulated radio task failed", e);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line != null) {
            line.close();
        }
    }

    private final class LineListener implements SerialLine.Listener {
        @Override
        public void onConnected() {
            execute(() -> brain.onConnectionChange(true));
        }

        @Override
        public void onBytes(byte[] data, long recvMonoNanos, Instant recvWall) {
            execute(() -> dispatch(brain.onBytes(data, recvMonoNanos, recvWall)));
        }

        @Override
        public void onDisconnected() {
            execute(() -> brain.onConnectionChange(false));
        }
    }
}
