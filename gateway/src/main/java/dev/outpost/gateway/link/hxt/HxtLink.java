package dev.outpost.gateway.link.hxt;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallHandOff;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkLoops;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.StatusBoard;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hxt.HxtClientSession;
import dev.outpost.protocol.hxt.HxtCodec;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtLimits;
import dev.outpost.protocol.hxt.HxtSessionConfig;
import dev.outpost.protocol.hxt.HxtSessionOutput;
import dev.outpost.protocol.hxt.HxtSessionState;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's link to an hxt PoC server (docs/protocols/hxt.md): a WebSocket client that logs on,
 * keeps the connection alive, reconnects with jittered backoff, turns events into unit events and
 * sends roll calls. All state lives on one event loop of the caller's (NIO) group; the protocol logic
 * is the sans-I/O {@link HxtClientSession}.
 */
public final class HxtLink implements Link {
    private static final Logger log = LoggerFactory.getLogger(HxtLink.class);
    private static final String CLIENT = "outpost/0.1.0";

    private final HxtLinkOptions options;
    private final EventLoop loop;
    private final CallHandOff<CallRequest> handOff;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final HxtClientSession session;
    private final HxtEventMapper mapper;
    private final ReconnectBackoff backoff;
    private final HxtConnector connector;
    private final StatusBoard board;
    private final HxtCallBook calls;
    private final HxtConnectionEvents events = new Events();

    private boolean running;
    private Channel channel;
    private long connection;
    private String closeReason;
    private boolean closeRequested;
    private final LoopTimer sessionTimer;
    private final LoopTimer reconnectTimer;

    public HxtLink(HxtLinkOptions options, EventLoopGroup group, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener) {
        this.options = options;
        this.loop = group.next();
        this.handOff = new CallHandOff<>(loop, options.id(), this::sendCall);
        this.clock = clock;
        this.listener = listener;
        this.session = new HxtClientSession(
                new HxtSessionConfig(options.token(), CLIENT, options.keepalive(), options.requestTimeout()),
                new HxtCodec());
        this.mapper = new HxtEventMapper(options.id(), registry);
        this.backoff = new ReconnectBackoff(options.reconnectMin(), options.reconnectMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.connector = new HxtConnector(options, loop, clock);
        this.sessionTimer = new LoopTimer(loop);
        this.reconnectTimer = new LoopTimer(loop);
        this.calls = new HxtCallBook(options.id());
        this.board = new StatusBoard(options.id(), "hxt", options.peer(), clock, listener);
    }

    @Override
    public String id() {
        return options.id();
    }

    @Override
    public Bearer bearer() {
        return Bearer.POC;
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    @Override
    public LinkStatus status() {
        return board.snapshot();
    }

    @Override
    public void start() {
        loop.execute(() -> {
            if (!running) {
                running = true;
                connect();
            }
        });
    }

    @Override
    public void stop() {
        LinkLoops.stopOn(loop, this::stopOnLoop);
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        CompletableFuture<CallReceipt> result = new CompletableFuture<>();
        if (request.method() == CallMethod.VOICE) {
            result.completeExceptionally(new UnsupportedOperationException(
                    "hxt link " + id() + " cannot place voice calls; use poll or confirm"));
            return result;
        }
        return handOff.submit(request);
    }

    private void sendCall(CallRequest request, CompletableFuture<CallReceipt> result) {
        if (session.state() != HxtSessionState.ONLINE || channel == null) {
            result.completeExceptionally(new LinkUnavailableException(id(), "not logged on (" + board.state().wireName() + ")"));
            return;
        }
        HxtClientSession.Sent sent;
        try {
            HxtExpect expect = request.method() == CallMethod.CONFIRM ? HxtExpect.CONFIRM : HxtExpect.AUTO;
            long timeoutMs = request.timeout() == null ? options.requestTimeout().toMillis()
                    : Math.max(1, Math.min(request.timeout().toMillis(), HxtLimits.MAX_TIMEOUT_MS));
            sent = session.rollCall(request.callRef(), request.addresses(), request.group(), expect, timeoutMs,
                    clock.monotonicNanos());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return;
        }
        long seq = sent.seq();
        calls.sent(seq, request.callRef(), clock.monotonicNanos(), clock.wallNow(), result);
        // The write completes on this event loop right after the frame reached the socket, before any reply can be
        // read here: that is the instant the call left the gateway.
        write(sent.text()).addListener(done -> {
            if (done.isSuccess()) {
                calls.written(seq, clock.monotonicNanos(), clock.wallNow());
            }
        });
        rescheduleTimer();
    }

    private void connect() {
        connection++;
        closeReason = null;
        board.change(LinkState.CONNECTING, "connecting to " + options.peer());
        var future = connector.connect(events);
        Channel ch = future.channel();
        channel = ch;
        future.addListener(done -> {
            if (!done.isSuccess()) {
                onClosed(ch, "connect failed: " + describe(done.cause()));
            }
        });
    }

    private void stopOnLoop() {
        running = false;
        reconnectTimer.cancel();
        Channel ch = channel;
        if (ch != null) {
            onClosed(ch, "link stopped");
            ch.close();
        } else {
            board.change(LinkState.DOWN, "link stopped");
        }
    }

    private void onClosed(Channel ch, String reason) {
        if (ch != channel) {
            return; // an old connection, already dealt with
        }
        channel = null;
        calls.connectionLost(reason);
        long now = clock.monotonicNanos();
        apply(session.disconnected(reason), now, clock.wallNow());
        sessionTimer.cancel();
        if (!running) {
            board.change(LinkState.DOWN, reason);
            return;
        }
        Duration delay = backoff.nextDelay();
        board.change(LinkState.DOWN, reason + "; reconnecting in " + delay.toMillis() + " ms");
        reconnectTimer.schedule(delay.toNanos(), () -> {
            if (running && channel == null) {
                board.countReconnect();
                connect();
            }
        });
    }

    /** Carries out the session's outputs in order; closing is deferred until all are handled. */
    private void apply(List<HxtSessionOutput> outputs, long receivedNanos, Instant receivedAt) {
        for (HxtSessionOutput out : outputs) {
            if (out instanceof HxtSessionOutput.Send send) {
                write(send.text());
            } else if (out instanceof HxtSessionOutput.Deliver deliver) {
                mapper.map(deliver.event(), connection, receivedNanos, receivedAt).ifPresent(this::emit);
            } else if (out instanceof HxtSessionOutput.StreamEnded ended) {
                emit(mapper.streamEnded(ended, connection, receivedNanos, receivedAt));
            } else if (out instanceof HxtSessionOutput.Replied replied) {
                calls.replied(replied);
            } else if (out instanceof HxtSessionOutput.Failed failed && !calls.failed(failed)) {
                log.debug("hxt link {}: {} failed: {}", id(), failed.request().command(), failed.reason());
            } else if (out instanceof HxtSessionOutput.StateChanged change) {
                onSessionState(change);
            } else if (out instanceof HxtSessionOutput.InvalidFrame invalid) {
                board.framesInvalid.incrementAndGet();
                log.debug("hxt link {}: invalid frame ignored: {}", id(), invalid.reason());
            } else if (out instanceof HxtSessionOutput.ProtocolError error) {
                log.debug("hxt link {}: protocol error ignored: {}", id(), error.reason());
            }
        }
        if (closeRequested) {
            closeRequested = false;
            if (channel != null) {
                channel.close();
            }
        }
        rescheduleTimer();
    }

    private void onSessionState(HxtSessionOutput.StateChanged change) {
        switch (change.to()) {
            case LOGGING_ON -> board.change(LinkState.CONNECTING, "logging on");
            case ONLINE -> {
                backoff.reset();
                board.change(LinkState.UP, "logged on");
            }
            case CLOSED -> {
                closeReason = change.reason();
                closeRequested = true;
            }
            case DISCONNECTED -> { } // reported by onClosed, which caused it
        }
    }

    private void emit(UnitEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("hxt link {}: event listener failed", id(), e);
        }
    }

    private ChannelFuture write(String text) {
        if (channel == null) {
            return null;
        }
        board.framesOut.incrementAndGet();
        return channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    private void rescheduleTimer() {
        var due = session.pollTimeout();
        if (due.isEmpty()) {
            sessionTimer.cancel();
            return;
        }
        sessionTimer.schedule(due.getAsLong() - clock.monotonicNanos(), () -> {
            long now = clock.monotonicNanos();
            apply(session.handleTimeout(now), now, clock.wallNow());
        });
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Pipeline callbacks, all on {@link #loop}; frames from a connection that is no longer current are ignored. */
    private final class Events implements HxtConnectionEvents {
        @Override
        public void handshakeComplete(Channel ch) {
            if (ch == channel) {
                long now = clock.monotonicNanos();
                apply(session.connected(now), now, clock.wallNow());
            }
        }

        @Override
        public void textFrame(Channel ch, String text, long receivedNanos, Instant receivedAt) {
            if (ch == channel) {
                board.framesIn.incrementAndGet();
                apply(session.receive(text, receivedNanos), receivedNanos, receivedAt);
            }
        }

        @Override
        public void nonTextFrame(Channel ch, String kind) {
            if (ch == channel) {
                board.framesIn.incrementAndGet();
                board.framesInvalid.incrementAndGet();
                log.debug("hxt link {}: {} ignored: the dialect allows text frames only", id(), kind);
            }
        }

        @Override
        public void connectionProblem(Channel ch, String reason) {
            if (ch == channel && closeReason == null) {
                closeReason = reason;
            }
            log.debug("hxt link {}: connection problem: {}", id(), reason);
        }

        @Override
        public void closed(Channel ch) {
            onClosed(ch, closeReason != null ? closeReason : "connection closed by server");
        }
    }
}
