package dev.outpost.gateway.link.hxt;

import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The link's state and counters; changes are made on the event loop, snapshots may be read anywhere. */
final class HxtStatusBoard {
    private static final Logger log = LoggerFactory.getLogger(HxtStatusBoard.class);

    private final String linkId;
    private final String peer;
    private final GatewayClock clock;
    private final LinkListener listener;
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong framesOut = new AtomicLong();
    final AtomicLong framesInvalid = new AtomicLong();
    private volatile LinkState state = LinkState.DOWN;
    private volatile Instant since;
    private volatile String detail = "not started";

    HxtStatusBoard(String linkId, String peer, GatewayClock clock, LinkListener listener) {
        this.linkId = linkId;
        this.peer = peer;
        this.clock = clock;
        this.listener = listener;
        this.since = clock.wallNow();
    }

    LinkState state() {
        return state;
    }

    /** Records a change and publishes it (also when only the detail changed, e.g. a new retry reason). */
    void change(LinkState newState, String newDetail) {
        if (newState != state) {
            since = clock.wallNow();
        }
        state = newState;
        detail = newDetail;
        LinkStatus status = snapshot();
        log.info("hxt link {} {}: {}", linkId, newState.wireName(), newDetail);
        try {
            listener.onStatus(status);
        } catch (RuntimeException e) {
            log.warn("hxt link {}: status listener failed", linkId, e);
        }
    }

    LinkStatus snapshot() {
        return new LinkStatus(linkId, "hxt", state, since, peer, detail, reconnects.get(), framesIn.get(),
                framesOut.get(), framesInvalid.get());
    }
}
