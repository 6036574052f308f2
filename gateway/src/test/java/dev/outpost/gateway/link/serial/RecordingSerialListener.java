package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.link.LinkState;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what a driver reports; the await methods wait a bounded time and fail with what was seen. */
final class RecordingSerialListener implements SerialLinkListener {
    record State(LinkState state, String detail) {
    }

    private final List<State> states = new ArrayList<>();
    private final List<ReceivedChunk> chunks = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void stateChanged(LinkState state, String detail) {
        states.add(new State(state, detail));
        notifyAll();
    }

    @Override
    public synchronized void received(ReceivedChunk chunk) {
        chunks.add(chunk);
        bytes.writeBytes(chunk.bytes());
        notifyAll();
    }

    synchronized List<State> states() {
        return List.copyOf(states);
    }

    synchronized List<ReceivedChunk> chunks() {
        return List.copyOf(chunks);
    }

    synchronized String text() {
        return bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    synchronized void clearBytes() {
        bytes.reset();
        chunks.clear();
    }

    /** Waits for a state reported after the first {@code after} states; returns it. */
    State awaitState(int after, LinkState wanted, Duration limit) throws InterruptedException {
        return awaitState(after, s -> s.state() == wanted, limit, "state " + wanted);
    }

    synchronized State awaitState(int after, Predicate<State> wanted, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (int i = after; i < states.size(); i++) {
                if (wanted.test(states.get(i))) {
                    return states.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + limit + "; states: " + states);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized void awaitText(Predicate<String> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.test(text())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("text not complete within " + limit + "; got " + text().length()
                        + " chars: " + abbreviate(text()) + "; states: " + states);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 100) + "..." + text.substring(text.length() - 100);
    }
}
