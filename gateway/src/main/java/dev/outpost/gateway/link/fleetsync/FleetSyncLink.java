package dev.outpost.gateway.link.fleetsync;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventIds;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.StatusBoard;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
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
import dev.outpost.protocol.fleetsync.FleetSyncDecoder;
import dev.outpost.protocol.fleetsync.FleetSyncFrame;
import dev.outpost.protocol.fleetsync.FleetSyncIdent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kenwood radio's PC port reporting FleetSync (docs/protocols/fleetsync.md). The port only reports: each
 * {@code $PKLID} is a {@code ptt_start} of unit {@code FFF-IIII} and, when it carries a status (10..99), a
 * {@code status} event with the fleet's meaning; {@code $PKLDS} is a {@code location}. Sentences with a bad checksum
 * or that do not decode are counted in {@code frames_invalid} and ignored.
 *
 * <p>Voice musters: Outpost cannot key the radio through this port, so a VOICE call is the dispatcher speaking on
 * the channel; it is "sent" when the muster asks (receipt stamped then) and each called unit's first PTT-ID after
 * that, within the call's timeout, is also an {@code ack} carrying the call's reference. POLL and CONFIRM are not
 * possible on FleetSync. Events are stamped with the receive instant of the chunk that completed the sentence.
 */
public final class FleetSyncLink implements Link {
    private static final Logger LOG = LoggerFactory.getLogger(FleetSyncLink.class);
    /** One voice call reaches every unit on the channel at once. */
    private static final Pacing VOICE_PACING = new Pacing(1, 100_000, 0);

    private final FleetSyncLinkOptions options;
    private final GatewayClock clock;
    private final Supplier<UnitRegistry> registry;
    private final LinkListener listener;
    private final SerialLinkDriver driver;
    private final StatusBoard board;
    private final VoiceCalls voiceCalls = new VoiceCalls();
    // Driver callbacks never overlap (SerialLinkListener), so the decoder needs no lock of its own.
    private FleetSyncDecoder decoder = new FleetSyncDecoder();

    public FleetSyncLink(FleetSyncLinkOptions options, SerialPortOpener opener, GatewayClock clock,
            Supplier<UnitRegistry> registry, LinkListener listener, ThreadFactory threads) {
        this.options = options;
        this.clock = clock;
        this.registry = registry;
        this.listener = listener;
        this.driver = new SerialLinkDriver(options.id(), opener, new PortEvents(), options.driver(), clock, threads);
        this.board = new StatusBoard(options.id(), "fleetsync", options.endpoint().describe(), clock, listener,
                StatusBoard.Counters.fresh(), () -> driver.stats().reopens(), List::of);
    }

    @Override
    public String id() {
        return options.id();
    }

    @Override
    public Bearer bearer() {
        return Bearer.FLEETSYNC;
    }

    @Override
    public void start() {
        driver.start();
    }

    @Override
    public void stop() {
        driver.close();
        board.changeIfDifferent(LinkState.DOWN, "link stopped");
    }

    @Override
    public LinkStatus status() {
        return board.snapshot();
    }

    @Override
    public Pacing pacing() {
        return VOICE_PACING;
    }

    @Override
    public CompletionStage<CallReceipt> call(CallRequest request) {
        CompletableFuture<CallReceipt> receipt = new CompletableFuture<>();
        if (request.method() != CallMethod.VOICE) {
            receipt.completeExceptionally(new UnsupportedOperationException("a FleetSync port only reports; "
                    + "musters on it are voice musters (units answer by keying up)"));
        } else if (board.state() != LinkState.UP) {
            receipt.completeExceptionally(new LinkUnavailableException(id(), board.detail()));
        } else {
            long now = clock.monotonicNanos();
            voiceCalls.opened(request.callRef(), now, now + request.timeout().toNanos(), request.addresses());
            receipt.complete(new CallReceipt(request.callRef(), now, clock.wallNow(), List.of()));
        }
        return receipt;
    }

    private void onChunk(ReceivedChunk chunk) {
        for (FleetSyncFrame frame : decoder.feed(chunk.bytes())) {
            if (frame instanceof FleetSyncFrame.Id id) {
                board.framesIn.incrementAndGet();
                keyedUp(id.ident(), chunk);
            } else if (frame instanceof FleetSyncFrame.Position p) {
                board.framesIn.incrementAndGet();
                emit(address(p.ident()), new EventPayload.Location(p.latitudeDegrees(), p.longitudeDegrees(), null),
                        chunk);
            } else if (frame instanceof FleetSyncFrame.Invalid invalid) {
                board.framesInvalid.incrementAndGet();
                LOG.debug("fleetsync {}: invalid sentence ignored: {}", id(), invalid.reason());
            }
        }
    }

    private void keyedUp(FleetSyncIdent ident, ReceivedChunk chunk) {
        String address = address(ident);
        String meaning = ident.status() == 0 ? null : options.statuses().meaning(ident.status())
                .orElse(Integer.toString(ident.status()));
        emit(address, new EventPayload.PttStart(null, null), chunk);
        voiceCalls.keyedUp(address, chunk.receivedNanos())
                .ifPresent(callRef -> emit(address, new EventPayload.Ack(callRef, meaning, null), chunk));
        if (meaning != null) {
            emit(address, new EventPayload.Status(meaning), chunk);
        }
    }

    private static String address(FleetSyncIdent ident) {
        return String.format(Locale.ROOT, "%03d-%04d", ident.fleet(), ident.unitId());
    }

    private void emit(String address, EventPayload payload, ReceivedChunk chunk) {
        Optional<String> unitId = registry.get().byAddress(Bearer.FLEETSYNC, address).map(Unit::unitId);
        UnitEvent event = new UnitEvent(EventIds.random(), unitId, Bearer.FLEETSYNC, address, id(),
                chunk.receivedNanos(), chunk.receivedAt(), payload);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("fleetsync {}: event listener failed", id(), e);
        }
    }

    private final class PortEvents implements SerialLinkListener {
        @Override
        public void stateChanged(LinkState state, String detail) {
            if (state == LinkState.UP) {
                decoder = new FleetSyncDecoder(); // a partial sentence from the lost connection is not continued
            }
            board.changeIfDifferent(state, detail);
        }

        @Override
        public void received(ReceivedChunk chunk) {
            onChunk(chunk);
        }
    }
}
