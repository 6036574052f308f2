package dev.outpost.gateway.link;

import dev.outpost.gateway.time.GatewayClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link's published state, for every link type: its state with the reason and since when, its frame counters, how
 * often it reconnected, and (an HBP master) its base stations. Changed on the link's own thread; {@link #snapshot()}
 * may be read anywhere. Every change is logged and handed to the {@link LinkListener}.
 */
public final class StatusBoard {
    private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

    /** Frames in, out and rejected as invalid. */
    public record Counters(AtomicLong in, AtomicLong out, AtomicLong invalid) {
        public static Counters fresh() {
            return new Counters(new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    public final AtomicLong framesIn;
    public final AtomicLong framesOut;
    public final AtomicLong framesInvalid;
    private final AtomicLong reconnects = new AtomicLong();
    private final String linkId;
    private final String type;
    private final String peer;
    private final GatewayClock clock;
    private final LinkListener listener;
    private final LongSupplier reconnectCount;
    private final Supplier<List<StationStatus>> stations;
    private volatile LinkState state = LinkState.DOWN;
    private volatile Instant since;
    private volatile String detail = "not started";
    private List<StationStatus> published = List.of();

    /** A board with its own counters, counting reconnects itself ({@link #countReconnect()}), with no stations. */
    public StatusBoard(String linkId, String type, String peer, GatewayClock clock, LinkListener listener) {
        this(linkId, type, peer, clock, listener, Counters.fresh(), null, List::of);
    }

    /**
     * @param counters       frame counters the link keeps elsewhere (shared, not copied)
     * @param reconnectCount where the reconnect count comes from (a serial port's reopens); null: {@link #countReconnect()}
     * @param stations       the base stations to publish with the link (an HBP master), else {@code List::of}
     */
    public StatusBoard(String linkId, String type, String peer, GatewayClock clock, LinkListener listener,
            Counters counters, LongSupplier reconnectCount, Supplier<List<StationStatus>> stations) {
        this.linkId = linkId;
        this.type = type;
        this.peer = peer;
        this.clock = clock;
        this.listener = listener;
        this.framesIn = counters.in();
        this.framesOut = counters.out();
        this.framesInvalid = counters.invalid();
        this.reconnectCount = reconnectCount != null ? reconnectCount : reconnects::get;
        this.stations = stations;
        this.since = clock.wallNow();
    }

    public LinkState state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    public void countReconnect() {
        reconnects.incrementAndGet();
    }

    /** Records a change and publishes it, also when only the reason changed (e.g. a new retry reason). */
    public void change(LinkState newState, String newDetail) {
        if (newState != state) {
            since = clock.wallNow();
        }
        state = newState;
        detail = newDetail;
        log.info("{} link {} {}: {}", type, linkId, newState.wireName(), newDetail);
        publish();
    }

    /** As {@link #change}, but the same state with the same reason again is not republished. */
    public void changeIfDifferent(LinkState newState, String newDetail) {
        if (newState != state || !newDetail.equals(detail)) {
            change(newState, newDetail);
        }
    }

    /** Publishes the snapshot if a base station changed since the last one published. */
    public void publishIfChanged() {
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

    public LinkStatus snapshot() {
        return new LinkStatus(linkId, type, state, since, peer, detail, reconnectCount.getAsLong(), framesIn.get(),
                framesOut.get(), framesInvalid.get(), stations.get());
    }
}
