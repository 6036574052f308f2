package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published state of a link over a serial port (PEI, FleetSync): its state with the reason, the port's reopen
 * count and frame counters. Changed on the link's owner thread; {@link #snapshot()} may be read anywhere.
 */
public final class SerialLinkBoard {
    private static final Logger LOG = LoggerFactory.getLogger(SerialLinkBoard.class);

    public final AtomicLong framesIn = new AtomicLong();
    public final AtomicLong framesOut = new AtomicLong();
    public final AtomicLong framesInvalid = new AtomicLong();
    private final String linkId;
    private final String type;
    private final String peer;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final LongSupplier reopens;
    private volatile LinkState state = LinkState.DOWN;
    private volatile String detail = "not started";
    private volatile Instant since;

    /** @param reopens the port's reopen count ({@link SerialDriverStats#reopens()}) */
    public SerialLinkBoard(String linkId, String type, String peer, GatewayClock clock, LinkListener listener,
            LongSupplier reopens) {
        this.linkId = linkId;
        this.type = type;
        this.peer = peer;
        this.clock = clock;
        this.listener = listener;
        this.reopens = reopens;
        this.since = clock.wallNow();
    }

    public LinkState state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    /** Records and publishes a change; the same state and reason again is not republished. */
    public void change(LinkState newState, String newDetail) {
        if (newState == state && newDetail.equals(detail)) {
            return;
        }
        if (newState != state) {
            since = clock.wallNow();
        }
        state = newState;
        detail = newDetail;
        LOG.info("{} link {} {}: {}", type, linkId, newState.wireName(), newDetail);
        try {
            listener.onStatus(snapshot());
        } catch (RuntimeException e) {
            LOG.warn("{} link {}: status listener failed", type, linkId, e);
        }
    }

    public LinkStatus snapshot() {
        return new LinkStatus(linkId, type, state, since, peer, detail, reopens.getAsLong(), framesIn.get(),
                framesOut.get(), framesInvalid.get());
    }
}
