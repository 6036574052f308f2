package dev.outpost.gateway.muster;

import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.TalkgroupVoiceLink.TalkgroupVoice;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The voice side of a muster on talkgroup links (DMR; see {@code TalkgroupVoiceLink}): nothing is sent. Per link it
 * listens to one talkgroup. T0 of an attempt is the end of the dispatcher's transmission there (the first one after
 * the units began to wait), or, with no dispatcher, the instant they began to wait (the muster's start, or the end of
 * their previous attempt). Each lane's waiting units get one attempt at T0, already "sent" then, so latency counts
 * from T0. A unit's first key-up after its first T0 is its ack. Pure and deterministic like the engine it serves.
 */
final class VoiceFloor {
    /** Key-ups kept while a link waits for the dispatcher, at most, per link. */
    static final int MAX_EARLY_KEY_UPS = 1024;

    /** One link's talkgroup and dispatcher, and what has been heard there. */
    private static final class Listening {
        final String channel;
        final String dispatcher;
        boolean dispatcherEnded;
        long dispatcherEndNanos;
        Instant dispatcherEndAt;
        /**
         * Key-ups heard while waiting for the dispatcher's end: a PTT end can come up to a stream timeout after the
         * last frame it is stamped with, so a key-up on another slot may be heard first and still come after T0.
         */
        final Deque<UnitEvent> early = new ArrayDeque<>();

        Listening(int talkgroup, Optional<Integer> dispatcher) {
            this.channel = TalkgroupVoice.channel(talkgroup);
            this.dispatcher = dispatcher.map(String::valueOf).orElse(null);
        }

        String describe() {
            return dispatcher == null ? channel : "radio " + dispatcher + " on " + channel;
        }
    }

    static final VoiceFloor NONE = new VoiceFloor(Map.of(), null, null);

    private final Map<String, Listening> byLink;
    private final MusterTiming timing;
    private final Instant startedAt;

    private VoiceFloor(Map<String, Listening> byLink, MusterTiming timing, Instant startedAt) {
        this.byLink = byLink;
        this.timing = timing;
        this.startedAt = startedAt;
    }

    /** The floor of a voice muster over its talkgroup links; {@link #NONE} for other musters. */
    static VoiceFloor of(MusterRequest request, Collection<MusterLink> links, MusterTiming timing, Instant startedAt) {
        if (request.method() != CallMethod.VOICE) {
            return NONE;
        }
        Map<String, Listening> byLink = new LinkedHashMap<>();
        for (MusterLink link : links) {
            link.talkgroupVoice().ifPresent(defaults -> talkgroup(request, defaults).ifPresent(tg -> byLink.put(
                    link.linkId(), new Listening(tg, request.dispatcherId().or(defaults::dispatcherId)))));
        }
        return byLink.isEmpty() ? NONE : new VoiceFloor(byLink, timing, startedAt);
    }

    /** The talkgroup a voice muster uses on a link with these defaults: the request's, else the link's. */
    static Optional<Integer> talkgroup(MusterRequest request, TalkgroupVoice defaults) {
        return request.talkgroup().or(defaults::talkgroup);
    }

    /** Whether this lane's units are mustered by listening (no calls, no pacing). */
    boolean listensOn(LinkLane lane) {
        return byLink.containsKey(lane.link.linkId());
    }

    /** Whether {@code event} is a PTT start or end on a talkgroup this muster listens to. */
    boolean hears(UnitEvent event) {
        Listening l = byLink.get(event.linkId());
        return l != null && l.channel.equals(channelOf(event));
    }

    /** A PTT end of the dispatcher: records T0 and returns true; other events change nothing here. */
    boolean dispatcherEnded(UnitEvent event) {
        Listening l = byLink.get(event.linkId());
        if (!(event.payload() instanceof EventPayload.PttEnd) || l.dispatcher == null
                || !l.dispatcher.equals(event.address())) {
            return false;
        }
        l.dispatcherEnded = true;
        l.dispatcherEndNanos = event.receivedNanos();
        l.dispatcherEndAt = event.receivedAt();
        return true;
    }

    /** A unit's key-up (a PTT start not from the dispatcher), or false. */
    boolean isKeyUp(UnitEvent event) {
        Listening l = byLink.get(event.linkId());
        return event.payload() instanceof EventPayload.PttStart && !event.address().equals(l.dispatcher);
    }

    /**
     * Keeps a key-up of a unit not asked yet, in case the T0 it waits for turns out to be earlier than the key-up (the
     * dispatcher's end declared late, by silence).
     */
    void keepIfUnasked(UnitState unit, UnitEvent event) {
        Listening l = byLink.get(event.linkId());
        if (l.dispatcher == null || !unit.pending() || !unit.calls.isEmpty()) {
            return; // without a dispatcher T0 was the start, and nothing can come before it
        }
        if (l.early.size() == MAX_EARLY_KEY_UPS) {
            l.early.removeFirst();
        }
        l.early.addLast(event);
    }

    /** The kept key-ups of the dispatcher's link heard at or after its T0, in order; the rest are dropped. */
    List<UnitEvent> takeEarly(UnitEvent dispatcherEnd) {
        Listening l = byLink.get(dispatcherEnd.linkId());
        List<UnitEvent> out = l.early.stream().filter(e -> e.receivedNanos() >= l.dispatcherEndNanos).toList();
        l.early.clear();
        return out;
    }

    /** The unit a key-up comes from: by unit id, else by address among the units listened for on its link. */
    UnitState unitOf(UnitEvent event, Map<String, UnitState> byUnitId, List<UnitState> units) {
        UnitState byId = event.unitId().map(byUnitId::get).orElse(null);
        if (byId != null) {
            return byId.lane != null && listensOn(byId.lane) ? byId : null;
        }
        for (UnitState unit : units) {
            if (unit.lane != null && unit.lane.link.linkId().equals(event.linkId()) && listensOn(unit.lane)
                    && event.bearer() == unit.lane.link.bearer() && event.address().equals(unit.address)) {
                return unit;
            }
        }
        return null;
    }

    /** The unit's latest attempt whose T0 is at or before {@code nanos}, or null (it keyed up before being asked). */
    static CallState attemptAt(UnitState unit, long nanos) {
        for (int i = unit.calls.size() - 1; i >= 0; i--) {
            CallState call = unit.calls.get(i);
            if (call.receipted && call.sentNanos <= nanos) {
                return call;
            }
        }
        return null;
    }

    /** Opens, at its T0, an attempt for each listening lane's units that wait for one and have a T0 by now. */
    void open(Collection<LinkLane> lanes, CallBook calls, long now) {
        if (byLink.isEmpty()) {
            return; // not a voice muster: nothing listens (and this runs after every event)
        }
        for (LinkLane lane : lanes) {
            if (!listensOn(lane)) {
                continue;
            }
            lane.dropStale();
            Map<Long, List<UnitState>> byT0 = new LinkedHashMap<>();
            for (UnitState unit : lane.queue) {
                if (unit.waitsForCall()) {
                    t0(lane, unit).ifPresent(t0 -> byT0.computeIfAbsent(t0, k -> new ArrayList<>()).add(unit));
                }
            }
            byT0.forEach((t0, units) -> {
                if (t0 <= now && t0 < timing.deadlineNanos()) {
                    lane.remove(units);
                    calls.openListening(lane, units, t0, wallAt(lane, t0), now);
                }
            });
        }
    }

    /** At the deadline: units a listening lane never asked (the dispatcher never spoke) are unreachable. */
    void closeUnasked(List<UnitState> units) {
        for (UnitState unit : units) {
            if (unit.pending() && unit.calls.isEmpty() && unit.lane != null && listensOn(unit.lane)) {
                unit.finish(MusterOutcome.UNREACHABLE, "no T0 before the deadline: the dispatcher ("
                        + byLink.get(unit.lane.link.linkId()).describe() + ") did not end a transmission");
            }
        }
    }

    /** T0 of the unit's next attempt: when it began to wait, or the dispatcher's end heard since then. */
    private Optional<Long> t0(LinkLane lane, UnitState unit) {
        CallState last = unit.latestCall();
        long since = last == null ? timing.startNanos() : timing.expiry(last);
        Listening l = byLink.get(lane.link.linkId());
        if (l.dispatcher == null) {
            return Optional.of(since);
        }
        return l.dispatcherEnded && l.dispatcherEndNanos >= since ? Optional.of(l.dispatcherEndNanos)
                : Optional.empty();
    }

    private Instant wallAt(LinkLane lane, long t0) {
        Listening l = byLink.get(lane.link.linkId());
        if (l.dispatcher != null) {
            return l.dispatcherEndAt;
        }
        return startedAt.plusNanos(t0 - timing.startNanos());
    }

    private static String channelOf(UnitEvent event) {
        if (event.payload() instanceof EventPayload.PttStart s) {
            return s.channel();
        }
        return event.payload() instanceof EventPayload.PttEnd e ? e.channel() : null;
    }
}
