package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCodec;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtFrame;
import dev.outpost.protocol.hxt.HxtMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare hxt client on the JDK WebSocket, stamping every received frame with System.nanoTime(). */
public final class TestHxtClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    /** A received message with its monotonic receive instant. */
    public record Received(HxtFrame frame, long recvMono) {
    }

    private final HxtCodec codec = new HxtCodec();
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final boolean answerPings;

    private TestHxtClient(URI uri, boolean answerPings) throws Exception {
        this.answerPings = answerPings;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(WAIT)
                .buildAsync(uri, new Listener())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static TestHxtClient connect(URI uri, boolean answerPings) throws Exception {
        return new TestHxtClient(uri, answerPings);
    }

    /** Sends a command and returns the monotonic instant just before handing it to the socket. */
    public long send(HxtCommand command) throws Exception {
        String text = codec.encode(command);
        long sentMono = System.nanoTime();
        socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return sentMono;
    }

    /** The next received message matching {@code filter} (others are skipped), or fails after WAIT. */
    public Received next(Predicate<HxtFrame> filter) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                throw new AssertionError("no matching message within " + WAIT);
            }
            if (filter.test(r.frame())) {
                return r;
            }
        }
    }

    public <T extends HxtMessage> T next(Class<T> type) throws InterruptedException {
        return type.cast(next(type::isInstance).frame());
    }

    /** The WebSocket close status, or fails if the server has not closed within WAIT. */
    int awaitClosed() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long recvMono = System.nanoTime();
            partial.append(data);
            if (last) {
                HxtFrame frame = codec.decode(partial.toString());
                partial.setLength(0);
                if (frame instanceof HxtEvent.ServerPing ping && answerPings) {
                    ws.sendText(codec.encode(new HxtCommand.Pong(ping.nonce())), true);
                }
                inbox.add(new Received(frame, recvMono));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
