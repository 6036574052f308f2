package dev.outpost.gateway.link.hbp;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallHandOff;
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
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outpost as the HBP master DMR repeaters and hotspots log in to (docs/protocols/hbp.md, "Links"): one UDP socket
 * on one event loop of the caller's (NIO) group, the protocol in {@link HbpMasterCore} and the sessions under it.
 * The link is up while it listens; each base station's login, RPTC and liveness is in {@link LinkStatus#stations()}.
 * Calls are radio checks (POLL) and call alerts (CONFIRM), one radio per call, each on the slot that reaches it.
 */
public final class HbpMasterLink implements Link, TalkgroupVoiceLink {
    private static final Logger log = LoggerFactory.getLogger(HbpMasterLink.class);
    private static final int CALL_BOOK_CAPACITY = 100_000;
    /** A port in use now may be freed later (another process stopping): binding is retried, backing off. */
    static final Duration BIND_RETRY_MIN = Duration.ofSeconds(1);
    static final Duration BIND_RETRY_MAX = Duration.ofSeconds(30);

    private final HbpMasterOptions options;
    private final EventLoop loop;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final HbpMasterCore core;
    private final HbpRouter router;
    private final StatusBoard board;
    private final UdpEndpoint endpoint;
    private final JitteredBackoff bindBackoff;
    private final CallHandOff<CallRequest> calls;
    private boolean running;
    private ScheduledFuture<?> bindRetry;

    public HbpMasterLink(HbpMasterOptions options, EventLoopGroup group, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener) {
        this(options, group, clock, registry, listener, new SecureRandom()::nextLong);
    }

    HbpMasterLink(HbpMasterOptions options, EventLoopGroup group, GatewayClock clock, Supplier<UnitRegistry> registry,
            LinkListener listener, LongSupplier random) {
        this.options = options;
        this.loop = group.next();
        this.clock = clock;
        this.listener = listener;
        this.router = new HbpRouter(options.routes(), registry);
        DmrTraffic traffic = new DmrTraffic(options.radioId(), new DmrStreamTracker(options.streamTimeout()),
                new DmrCallBook(CALL_BOOK_CAPACITY), new DmrEventMapper(options.id(), registry), tg -> true,
                this::emit);
        StationBoard stations = new StationBoard();
        this.core = new HbpMasterCore(options, random, traffic, router, stations);
        this.board = new StatusBoard(options.id(), "hbp-master", options.listen().getHostString() + ":"
                + options.listen().getPort(), clock, listener,
                new StatusBoard.Counters(core.framesIn, core.framesOut, core.framesInvalid), null, stations::snapshot);
        this.endpoint = new UdpEndpoint(loop, clock, core.framesOut, this::onDatagram);
        this.calls = new CallHandOff<>(loop, options.id(), this::place);
        this.bindBackoff = new JitteredBackoff(BIND_RETRY_MIN, BIND_RETRY_MAX,
                new Random(random.getAsLong())::nextDouble);
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
        return new TalkgroupVoice(options.dispatcherId(), options.voiceTalkgroup());
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    /** Each repeater slot is a channel, named {@code <peer id>/<slot>}: musters pace per slot. */
    @Override
    public Optional<String> channelOf(String address) {
        return slotFor(address).map(DmrSlot::toString);
    }

    /** Every slot: {@code callRate} radios per second, one per call, {@code slotsInFlight} calls awaiting a receipt. */
    @Override
    public Pacing pacing(String channel) {
        return options.slotPacing();
    }

    public HbpMasterOptions options() {
        return options;
    }

    /**
     * The repeater slot a call to {@code address} (a DMR id) would go out on now, or empty if no connected slot
     * reaches it: for musters that pace per slot. Safe from any thread.
     */
    public Optional<DmrSlot> slotFor(String address) {
        try {
            return router.route(Integer.parseInt(address)).map(HbpRouter.Route::slot);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The address the link listens on (with the real port when configured with port 0), once listening. */
    public Optional<InetSocketAddress> localAddress() {
        return Optional.ofNullable(endpoint.localAddress());
    }

    @Override
    public void start() {
        loop.execute(() -> {
            if (running) {
                return;
            }
            running = true;
            bind();
        });
    }

    private void bind() {
        bindRetry = null;
        if (!running) {
            return;
        }
        board.change(LinkState.CONNECTING, "binding " + options.listen());
        new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(endpoint)
                .bind(options.listen()).addListener((ChannelFuture done) -> {
                    if (!running) {
                        done.channel().close(); // stopped while binding
                    } else if (done.isSuccess()) {
                        bindBackoff.reset();
                        board.change(LinkState.UP, "listening on " + options.listen());
                    } else {
                        Duration wait = bindBackoff.next();
                        board.change(LinkState.DOWN, String.format(Locale.ROOT, "cannot listen on %s: %s; retrying in "
                                + "%.1f s", options.listen(), done.cause().getMessage(), wait.toMillis() / 1000.0));
                        bindRetry = loop.schedule(this::bind, wait.toNanos(), TimeUnit.NANOSECONDS);
                    }
                });
    }

    @Override
    public void stop() {
        LinkLoops.stopOn(loop, this::stopOnLoop);
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        return calls.submit(request);
    }

    private void place(CallRequest request, CompletableFuture<CallReceipt> result) {
        if (!running || !endpoint.isOpen()) {
            result.completeExceptionally(new LinkUnavailableException(id(), "not listening"));
            return;
        }
        HbpMasterCore.Placement placement;
        try {
            placement = core.place(request);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            result.completeExceptionally(e);
            return;
        }
        endpoint.sendStamped(placement.datagrams(), request.callRef(), placement.refused(), id(), result);
        reschedule();
    }

    private void stopOnLoop() {
        if (bindRetry != null) {
            bindRetry.cancel(false);
            bindRetry = null;
        }
        if (running && endpoint.isOpen()) {
            endpoint.send(core.closeAll("link stopped", Stamp.now(clock)));
        }
        running = false;
        endpoint.close();
        endpoint.cancelTimer();
        board.change(LinkState.DOWN, "link stopped");
    }

    private void onDatagram(InetSocketAddress from, byte[] bytes, Stamp at) {
        List<HbpMasterCore.Outbound> out;
        try {
            out = core.receive(from, bytes, at);
        } catch (RuntimeException e) {
            log.warn("hbp master {}: datagram from {} failed", id(), from, e);
            return;
        }
        endpoint.send(out);
        board.publishIfChanged();
        reschedule();
    }

    private void reschedule() {
        endpoint.schedule(core.pollTimeout(), () -> {
            endpoint.send(core.handleTimeout(Stamp.now(clock)));
            board.publishIfChanged();
            reschedule();
        });
    }

    private void emit(UnitEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("hbp master {}: event listener failed", id(), e);
        }
    }
}
