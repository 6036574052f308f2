package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.StationStatus;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HBP link's published state: its own state, counters and (master) its base stations. Changed on the link's
 * event loop; {@link #snapshot()} may be read anywhere.
 */
final class LinkBoard {
    private static final Logger log = LoggerFactory.getLogger(LinkBoard.class);

    private final String linkId;
    private final String type;
    private final String peer;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final Counters counters;
    private final Supplier<List<StationStatus>> stations;
    final AtomicLong reconnects = new AtomicLong();
    private volatile LinkState state = LinkState.DOWN;
    private volatile Instant since;
    private volatile String detail = "not started";
    private List<StationStatus> published = List.of();

    /** The frame counters the snapshot reports. */
    record Counters(AtomicLong in, AtomicLong out, AtomicLong invalid) {
    }

    LinkBoard(String linkId, String type, String peer, GatewayClock clock, LinkListener listener, Counters counters,
            Supplier<List<StationStatus>> stations) {
        this.linkId = linkId;
        this.type = type;
        this.peer = peer;
        this.clock = clock;
        this.listener = listener;
        this.counters = counters;
        this.stations = stations;
        this.since = clock.wallNow();
    }

    LinkState state() {
        return state;
    }

    /** Records a change of the link's own state and publishes it. */
    void change(LinkState newState, String newDetail) {
        if (newState != state) {
            since = clock.wallNow();
        }
        state = newState;
        detail = newDetail;
        log.info("{} link {} {}: {}", type, linkId, newState.wireName(), newDetail);
        publish();
    }

    /** Publishes the snapshot if a base station changed since the last one published. */
    void publishIfChanged() {
        if (stations.get() != published) {
            publish();
        }
    }

    private void publish() {
        published = stations.get();
        try {
            listener.onStatus(snapshot());
        } catch (RuntimeException e) {
            log.warn("{} link {}: status listener failed", type, linkId, e);
        }
    }

    LinkStatus snapshot() {
        return new LinkStatus(linkId, type, state, since, peer, detail, reconnects.get(), counters.in().get(),
                counters.out().get(), counters.invalid().get(), stations.get());
    }
}
