package dev.outpost.simulator.serial;

import dev.outpost.protocol.pei.PeiCommand;
import dev.outpost.protocol.pei.PeiSession;
import dev.outpost.protocol.pei.PeiSessionConfig;
import dev.outpost.protocol.pei.PeiSessionOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The gateway's side of a PEI for tests: the protocol module's {@link PeiSession} over a stream pair, with a
 * reader thread that stamps every chunk at the read. Outputs are collected with their receive instants.
 */
public final class PeiTestTerminal implements AutoCloseable {
    /** A session output and the {@code System.nanoTime()} of the read that produced it. */
    public record Stamped<T>(T output, long monoNanos) {
    }

    private final PeiSession session = new PeiSession(PeiSessionConfig.defaults());
    private final InputStream in;
    private final OutputStream out;
    private final Runnable closer;
    private final BlockingQueue<Stamped<PeiSessionOutput>> outputs = new LinkedBlockingQueue<>();
    private final List<Stamped<PeiSessionOutput>> seen = new ArrayList<>();
    private final Thread reader;
    private volatile long lastWriteNanos;

    public PeiTestTerminal(InputStream in, OutputStream out, Runnable closer) {
        this.in = in;
        this.out = out;
        this.closer = closer;
        this.reader = new Thread(this::readLoop, "pei-test-terminal");
        reader.setDaemon(true);
        reader.start();
    }

    public void start() {
        synchronized (session) {
            carryOut(session.start(System.nanoTime()), System.nanoTime());
        }
    }

    public void submit(PeiCommand command) {
        synchronized (session) {
            carryOut(session.submit(command, System.nanoTime()), System.nanoTime());
        }
    }

    /** When the last write to the radio finished (e.g. the Ctrl-Z of an SDS body). */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** Waits (bounded) for the next output of {@code type} matching {@code match}; earlier ones are kept. */
    public <T extends PeiSessionOutput> Stamped<T> await(Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Stamped<PeiSessionOutput> s : seen) {
            if (type.isInstance(s.output()) && match.test(type.cast(s.output()))) {
                seen.remove(s);
                return new Stamped<>(type.cast(s.output()), s.monoNanos());
            }
        }
        while (System.nanoTime() < deadline) {
            Stamped<PeiSessionOutput> s = outputs.poll(20, TimeUnit.MILLISECONDS);
            tick();
            if (s == null) {
                continue;
            }
            if (type.isInstance(s.output()) && match.test(type.cast(s.output()))) {
                return new Stamped<>(type.cast(s.output()), s.monoNanos());
            }
            seen.add(s);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; seen " + seen);
    }

    public <T extends PeiSessionOutput> Stamped<T> await(Class<T> type, Duration timeout) throws InterruptedException {
        return await(type, t -> true, timeout);
    }

    private void tick() {
        synchronized (session) {
            long now = System.nanoTime();
            if (session.nextTimeout().isPresent() && session.nextTimeout().getAsLong() <= now) {
                carryOut(session.handleTimeout(now), now);
            }
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                long now = System.nanoTime();
                synchronized (session) {
                    carryOut(session.receive(buffer, 0, n, now), now);
                }
            }
        } catch (IOException e) {
            // closed or unplugged: the test decides what that means
        }
    }

    private void carryOut(List<PeiSessionOutput> list, long stamp) {
        for (PeiSessionOutput o : list) {
            if (o instanceof PeiSessionOutput.Write w) {
                try {
                    out.write(w.ascii().getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    lastWriteNanos = System.nanoTime();
                } catch (IOException e) {
                    outputs.add(new Stamped<>(new PeiSessionOutput.ProtocolError("write failed: " + e), stamp));
                }
            } else {
                outputs.add(new Stamped<>(o, stamp));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closer.run();
        reader.join(2_000);
    }
}
