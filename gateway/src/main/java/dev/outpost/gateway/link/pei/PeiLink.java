package dev.outpost.gateway.link.pei;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.StatusBoard;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkLoops;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.VoiceCalls;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.link.serial.ReceivedChunk;
import dev.outpost.gateway.link.serial.SerialLinkDriver;
import dev.outpost.gateway.link.serial.SerialLinkListener;
import dev.outpost.gateway.link.serial.SerialPortOpener;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.pei.PeiCommand;
import dev.outpost.protocol.pei.PeiSession;
import dev.outpost.protocol.pei.PeiSessionOutput;
import dev.outpost.protocol.pei.PeiSessionState;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TETRA radio's PEI on a serial port or device server (docs/protocols/pei.md, "How a link drives the session").
 * One {@link SerialLinkDriver} owns the port; one {@link PeiSession} speaks AT on it, owned by one event loop of the
 * caller's group: port callbacks, calls and the session timer all run there.
 *
 * <p>The link is {@code connecting} while the port opens and until the radio answers {@code AT}, {@code up} from
 * then on, {@code down} with the driver's reason while the port is lost (the driver reopens it). Calls: POLL is a
 * status poll (or an SDS-TL text with a delivery report, per config), CONFIRM a status a person answers with an
 * ack status; one ISSI per call, one AT command in flight. Receive stamps are those of the chunk that completed a
 * frame, taken as the read returned: they include the frame's serial wire time (stated in docs, not subtracted).
 */
public final class PeiLink implements Link {
    private static final Logger LOG = LoggerFactory.getLogger(PeiLink.class);
    private static final int CALL_BOOK_CAPACITY = 100_000;
    private static final char CTRL_Z = 0x1A;

    private final PeiLinkOptions options;
    private final EventLoop loop;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final SerialLinkDriver driver;
    private final PeiSession session;
    private final PeiCallBook book = new PeiCallBook(CALL_BOOK_CAPACITY);
    private final PeiEventMapper mapper;
    private final VoiceCalls voiceCalls = new VoiceCalls();
    private final PeiPendingCalls pending;
    private final StatusBoard board;
    private io.netty.util.concurrent.ScheduledFuture<?> timer;
    private PeiCommand.SetSdsParameters service;
    private boolean stopped;

    public PeiLink(PeiLinkOptions options, SerialPortOpener opener, EventLoopGroup group, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener, ThreadFactory threads) {
        this.options = options;
        this.loop = group.next();
        this.clock = clock;
        this.listener = listener;
        this.session = new PeiSession(options.session());
        this.mapper = new PeiEventMapper(options.id(), registry, options.statuses(), book);
        this.pending = new PeiPendingCalls(options.id());
        this.driver = new SerialLinkDriver(options.id(), opener, new PortEvents(), options.driver(), clock, threads);
        this.board = new StatusBoard(options.id(), "pei", options.endpoint().describe(), clock, listener,
                StatusBoard.Counters.fresh(), () -> driver.stats().reopens(), List::of);
    }

    @Override
    public String id() {
        return options.id();
    }

    @Override
    public Bearer bearer() {
        return Bearer.TETRA;
    }

    @Override
    public LinkStatus status() {
        return board.snapshot();
    }

    @Override
    public Pacing pacing() {
        return options.pacing();
    }

    public PeiLinkOptions options() {
        return options;
    }

    @Override
    public void start() {
        driver.start();
    }

    @Override
    public void stop() {
        driver.close();
        Runnable last = () -> {
            stopped = true;
            carryOut(session.stop("link stopped"), clock.monotonicNanos(), clock.wallNow());
            pending.failAll("link stopped");
            board.changeIfDifferent(LinkState.DOWN, "link stopped");
        };
        LinkLoops.stopOn(loop, last);
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        CompletableFuture<CallReceipt> receipt = new CompletableFuture<>();
        if (!onLoop(() -> place(request, receipt))) {
            receipt.completeExceptionally(new LinkUnavailableException(id(), "event loop is shut down"));
        }
        return receipt;
    }

    private void place(CallRequest request, CompletableFuture<CallReceipt> receipt) {
        if (stopped || board.state() != LinkState.UP) {
            receipt.completeExceptionally(new LinkUnavailableException(id(), board.detail()));
            return;
        }
        if (request.method() == CallMethod.VOICE) {
            // The dispatcher speaks on the talkgroup; each called unit answers by keying up, and the radio reports
            // the talker's ISSI in +CTXG. Nothing is sent: the call is open from now until its timeout.
            long now = clock.monotonicNanos();
            voiceCalls.opened(request.callRef(), now, now + request.timeout().toNanos(), request.addresses());
            receipt.complete(new CallReceipt(request.callRef(), now, clock.wallNow(), List.of()));
            return;
        }
        if (request.addresses().size() != 1) {
            receipt.completeExceptionally(new UnsupportedOperationException("a PEI link calls one ISSI per call"));
            return;
        }
        String address = request.addresses().get(0);
        long issi;
        try {
            issi = Long.parseLong(address);
            dev.outpost.protocol.pei.TetraIdentity.ssi(issi);
        } catch (IllegalArgumentException e) {
            receipt.complete(new CallReceipt(request.callRef(), clock.monotonicNanos(), clock.wallNow(),
                    List.of(address)));
            return;
        }
        PeiCommand.SendSds send;
        if (request.method() == CallMethod.POLL && options.pollBySds()) {
            useService(PeiCommand.SetSdsParameters.sdsTl());
            int reference = book.textSent(issi, request.callRef());
            send = PeiCommand.SendSds.textWithReport(issi, reference, 1, "poll");
        } else {
            useService(PeiCommand.SetSdsParameters.status());
            book.statusSent(request.method(), issi, request.callRef());
            int value = request.method() == CallMethod.POLL ? options.pollStatus() : options.confirmStatus();
            send = PeiCommand.SendSds.status(issi, value);
        }
        pending.add(send, request.callRef(), address, receipt);
        carryOut(session.submit(send, clock.monotonicNanos()), clock.monotonicNanos(), clock.wallNow());
    }

    /** Sets the SDS service for the next sends, unless it is already set on this connection. */
    private void useService(PeiCommand.SetSdsParameters wanted) {
        if (!wanted.equals(service)) {
            service = wanted;
            carryOut(session.submit(wanted, clock.monotonicNanos()), clock.monotonicNanos(), clock.wallNow());
        }
    }

    private void onPortState(LinkState state, String detail) {
        if (stopped) {
            return;
        }
        long now = clock.monotonicNanos();
        if (state == LinkState.UP) {
            service = null;
            board.changeIfDifferent(LinkState.CONNECTING, detail + "; waiting for the radio to answer AT");
            carryOut(session.start(now), now, clock.wallNow());
        } else {
            if (state == LinkState.DOWN) {
                carryOut(session.stop("port down: " + detail), now, clock.wallNow());
            }
            board.changeIfDifferent(state, detail);
        }
    }

    private void onChunk(ReceivedChunk chunk) {
        if (!stopped) {
            carryOut(session.receive(chunk.bytes(), chunk.receivedNanos()), chunk.receivedNanos(), chunk.receivedAt());
        }
    }

    private void onTimer() {
        timer = null;
        if (!stopped) {
            carryOut(session.handleTimeout(clock.monotonicNanos()), clock.monotonicNanos(), clock.wallNow());
        }
    }

    /** Does what the session asked, in order; events get {@code stampNanos} / {@code stampAt}. */
    private void carryOut(List<PeiSessionOutput> outputs, long stampNanos, Instant stampAt) {
        for (PeiSessionOutput output : outputs) {
            if (output instanceof PeiSessionOutput.Write write) {
                write(write.ascii());
            } else if (output instanceof PeiSessionOutput.CommandCompleted done) {
                if (!(done.result() instanceof dev.outpost.protocol.pei.CommandResult.Ok)
                        && done.command() instanceof PeiCommand.SetSdsParameters) {
                    service = null;
                }
                pending.completed(done.command(), done.result(), clock.monotonicNanos(), clock.wallNow());
            } else if (output instanceof PeiSessionOutput.StateChanged change) {
                onSessionState(change);
            } else if (output instanceof PeiSessionOutput.InvalidFrame invalid) {
                board.framesInvalid.incrementAndGet();
                LOG.debug("pei {}: invalid frame: {}", id(), invalid.reason());
            } else if (output instanceof PeiSessionOutput.ProtocolError error) {
                LOG.debug("pei {}: {}", id(), error.reason());
            } else {
                board.framesIn.incrementAndGet();
                mapper.map(output, stampNanos, stampAt).ifPresent(this::emit);
            }
        }
        rearm();
    }

    private void write(String ascii) {
        if (!ascii.isEmpty() && ascii.charAt(ascii.length() - 1) == CTRL_Z) {
            pending.bodyWritten(clock.monotonicNanos(), clock.wallNow());
        }
        if (driver.write(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).accepted()) {
            board.framesOut.incrementAndGet();
        }
    }

    private void onSessionState(PeiSessionOutput.StateChanged change) {
        if (change.to() == PeiSessionState.READY && board.state() == LinkState.CONNECTING) {
            board.changeIfDifferent(LinkState.UP, "radio answered AT on " + options.endpoint().describe() + " at "
                    + options.serial().describe());
        }
    }

    private void rearm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        session.nextTimeout().ifPresent(deadline -> timer = loop.schedule(this::onTimer,
                Math.max(0, deadline - clock.monotonicNanos()), TimeUnit.NANOSECONDS));
    }

    private void emit(dev.outpost.gateway.event.UnitEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("pei {}: event listener failed", id(), e);
        }
        if (event.payload() instanceof dev.outpost.gateway.event.EventPayload.PttStart) {
            // A talker granted the floor (+CTXG with its TPI) answers the open voice call that asked it, once.
            voiceCalls.keyedUp(event.address(), event.receivedNanos()).ifPresent(callRef -> emit(
                    new dev.outpost.gateway.event.UnitEvent(dev.outpost.gateway.event.EventIds.random(),
                            event.unitId(), event.bearer(), event.address(), event.linkId(), event.receivedNanos(),
                            event.receivedAt(), new dev.outpost.gateway.event.EventPayload.Ack(callRef, "talked",
                            null))));
        }
    }

    private boolean onLoop(Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("pei {}: task failed", id(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** The driver's callbacks, handed to the owner loop (they must not block the driver's threads). */
    private final class PortEvents implements SerialLinkListener {
        @Override
        public void stateChanged(LinkState state, String detail) {
            onLoop(() -> onPortState(state, detail));
        }

        @Override
        public void received(ReceivedChunk chunk) {
            onLoop(() -> onChunk(chunk));
        }
    }
}
