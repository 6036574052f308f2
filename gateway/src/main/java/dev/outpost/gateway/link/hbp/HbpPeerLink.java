package dev.outpost.gateway.link.hbp;

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
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPeerSession;
import dev.outpost.protocol.hbp.HbpPeerState;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outpost as an HBP peer of a remote master (docs/protocols/hbp.md, "Links"): logs in with the protocol's
 * {@link HbpPeerSession} over a UDP socket connected to the master, turns the DMRD of watched talkgroups into unit
 * events and, when allowed, sends radio checks and call alerts. When the master refuses us, closes us or stops
 * answering the login, the link starts over on a fresh socket after a jittered, doubling delay.
 */
public final class HbpPeerLink implements Link, TalkgroupVoiceLink {
    private static final Logger log = LoggerFactory.getLogger(HbpPeerLink.class);

    private final HbpPeerOptions options;
    private final EventLoop loop;
    private final CallHandOff<CallRequest> calls;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final DmrTraffic traffic;
    private final JitteredBackoff backoff;
    private final UdpEndpoint endpoint;
    private final StatusBoard board;
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong framesInvalid = new AtomicLong();
    private HbpPeerSession session;
    private boolean running;

    public HbpPeerLink(HbpPeerOptions options, EventLoopGroup group, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener) {
        this.options = options;
        this.loop = group.next();
        this.calls = new CallHandOff<>(loop, options.id(), this::place);
        this.clock = clock;
        this.listener = listener;
        this.traffic = new DmrTraffic(options.radioId(), new DmrStreamTracker(options.streamTimeout()),
                new DmrCallBook(100_000), new DmrEventMapper(options.id(), registry), options::watches, this::emit);
        this.backoff = new JitteredBackoff(options.reconnectMin(), options.reconnectMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.endpoint = new UdpEndpoint(loop, clock, framesOut, this::onDatagram);
        this.board = new StatusBoard(options.id(), "hbp-peer", options.master().getHostString() + ":"
                + options.master().getPort(), clock, listener, new StatusBoard.Counters(framesIn, framesOut,
                framesInvalid), null, List::of);
    }

    @Override
    public String id() {
        return options.id();
    }

    @Override
    public Bearer bearer() {
        return Bearer.DMR;
    }

    @Override
    public LinkStatus status() {
        return board.snapshot();
    }

    /** Voice musters: T0 from the dispatcher's PTT end on the talkgroup, acks from key-ups (PTT events). */
    @Override
    public TalkgroupVoice talkgroupVoice() {
        return options.voice();
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
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
        if (request.method() == CallMethod.VOICE || !options.allowRadioCheck()) {
            result.completeExceptionally(new UnsupportedOperationException("hbp peer link " + id() + " sends no "
                    + request.method().wireName() + " calls" + (options.allowRadioCheck() ? ""
                    : " (allow_radio_check is off)")));
            return result;
        }
        return calls.submit(request);
    }

    private void place(CallRequest request, CompletableFuture<CallReceipt> result) {
        if (session == null || session.state() != HbpPeerState.RUNNING) {
            result.completeExceptionally(new LinkUnavailableException(id(), "not logged in to the master"));
            return;
        }
        DmrRoute route = new DmrRoute(session.peerId(), options.slot(), options.session().config().colourCode(),
                false);
        List<HbpMasterCore.Outbound> out = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String address : request.addresses()) {
            int radio = parseRadio(address);
            if (radio < 0) {
                refused.add(address);
                continue;
            }
            long streamId = (ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFEL) + 1;
            var frame = request.method() == CallMethod.POLL
                    ? DmrFrames.radioCheck(route, streamId, 0, options.radioId(), radio)
                    : DmrFrames.callAlert(route, streamId, 0, options.radioId(), radio);
            out.add(new HbpMasterCore.Outbound(options.master(), session.send(frame).datagram()));
            traffic.calls().sent(request.method(), radio, request.callRef());
        }
        endpoint.sendStamped(out, request.callRef(), refused, id(), result);
    }

    private void connect() {
        board.change(LinkState.CONNECTING, "logging in to " + board.snapshot().peer());
        new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(endpoint).connect(options.master())
                .addListener(done -> {
                    if (!running) {
                        return;
                    }
                    if (done.isSuccess()) {
                        session = new HbpPeerSession(options.session());
                        apply(session.start(clock.monotonicNanos()), Stamp.now(clock));
                    } else {
                        retryLater("cannot open a socket to the master: " + done.cause().getMessage());
                    }
                });
    }

    private void onDatagram(InetSocketAddress from, byte[] bytes, Stamp at) {
        framesIn.incrementAndGet();
        if (session == null || !from.equals(options.master())) {
            framesInvalid.incrementAndGet();
            return;
        }
        apply(session.receive(bytes, at.nanos()), at);
    }

    private void apply(List<HbpOutput> outputs, Stamp at) {
        for (HbpOutput o : outputs) {
            if (o instanceof HbpOutput.Send send) {
                endpoint.send(List.of(new HbpMasterCore.Outbound(options.master(), send.datagram())));
            } else if (o instanceof HbpOutput.Deliver deliver) {
                traffic.onFrame(deliver.dmrd(), at);
            } else if (o instanceof HbpOutput.StateChanged change) {
                onState((HbpPeerState) change.to(), change.reason());
            } else if (o instanceof HbpOutput.InvalidPacket || o instanceof HbpOutput.ProtocolError) {
                framesInvalid.incrementAndGet();
                log.debug("hbp peer {}: {}", id(), o);
            }
        }
        if (session != null && session.state() == HbpPeerState.WAITING_RETRY) {
            session.close("retrying with backoff");
            session = null;
            endpoint.close();
            retryLater(board.snapshot().detail());
            return;
        }
        reschedule();
    }

    private void onState(HbpPeerState to, String reason) {
        switch (to) {
            case RUNNING -> {
                backoff.reset();
                board.change(LinkState.UP, "logged in to " + board.snapshot().peer());
            }
            case LOGIN_SENT, AUTH_SENT, CONFIG_SENT, OPTIONS_SENT -> {
                if (board.state() != LinkState.CONNECTING) {
                    board.change(LinkState.CONNECTING, reason);
                }
            }
            case WAITING_RETRY -> board.change(LinkState.DOWN, reason);
            case IDLE, CLOSED -> { }
        }
    }

    private void retryLater(String reason) {
        Duration delay = backoff.next();
        board.change(LinkState.DOWN, reason + "; logging in again in " + delay.toMillis() + " ms");
        endpoint.schedule(OptionalLong.of(clock.monotonicNanos() + delay.toNanos()), () -> {
            if (running && session == null) {
                board.countReconnect();
                connect();
            }
        });
    }

    private void reschedule() {
        if (session == null) {
            return;
        }
        OptionalLong due = session.pollTimeout();
        OptionalLong streams = traffic.nextDeadline();
        if (streams.isPresent() && (due.isEmpty() || streams.getAsLong() - due.getAsLong() < 0)) {
            due = streams;
        }
        endpoint.schedule(due, () -> {
            if (session != null) {
                Stamp now = Stamp.now(clock);
                traffic.expire(now.nanos());
                apply(session.handleTimeout(now.nanos()), now);
            }
        });
    }

    private void stopOnLoop() {
        running = false;
        endpoint.cancelTimer();
        if (session != null) {
            apply(session.close("link stopped"), Stamp.now(clock));
            session = null;
        }
        endpoint.cancelTimer();
        endpoint.close();
        board.change(LinkState.DOWN, "link stopped");
    }

    private void emit(UnitEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("hbp peer {}: event listener failed", id(), e);
        }
    }

    private static int parseRadio(String address) {
        try {
            int id = Integer.parseInt(address);
            return id >= 1 && id <= 0xFFFFFF ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
