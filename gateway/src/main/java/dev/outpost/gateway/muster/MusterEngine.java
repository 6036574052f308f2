package dev.outpost.gateway.muster;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.muster.report.MusterReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One muster as a pure state machine in monotonic time (quinn-proto style). It never reads a clock or
 * starts a thread: every input carries {@code now}, and the driver collects what to do next with
 * {@link #pollSends()}, {@link #pollAcks()} and {@link #pollTimeout()} (call {@link #handleTimeout}
 * when that instant comes). Not thread-safe: one thread drives it. Rules: docs/MUSTER.md.
 */
public final class MusterEngine {
    private final String id;
    private final MusterRequest request;
    private final MusterTiming timing;
    private final Instant startedAt;
    private final LaneSet lanes;
    private final List<UnitState> units;
    private final Map<String, UnitState> byUnitId = new HashMap<>();
    private final CallBook calls;
    private final VoiceFloor voice;
    private final List<LinkLane> pacedLanes;
    private final Answers answers;
    private final Tally tally = new Tally();
    private long lastNanos;
    private boolean cancelled;
    private boolean finished;
    private long finishedNanos;

    private MusterEngine(String id, MusterRequest request, UnitRegistry registry, List<MusterLink> links,
                         ChannelAssigner channels, GroupAssigner groups, long nowNanos, Instant wallNow) {
        this.id = id;
        this.request = request;
        this.timing = new MusterTiming(request, nowNanos);
        this.startedAt = wallNow;
        this.lastNanos = nowNanos;
        this.calls = new CallBook(id, request, timing);
        this.answers = new Answers(id);
        this.lanes = new LaneSet(links, channels, nowNanos);
        this.units = MusterPlanner.plan(request, registry, lanes);
        GroupCalls.plan(request, registry, lanes, groups);
        this.voice = VoiceFloor.of(request, lanes.links().values(), timing, wallNow);
        // Lanes are fixed once planned; those a voice muster listens on wait for PTT events, not for pacing.
        this.pacedLanes = lanes.all().stream().filter(lane -> !voice.listensOn(lane)).toList();
        units.forEach(u -> {
            byUnitId.put(u.unit.unitId(), u);
            u.countIn(tally);
        });
    }

    /** Resolves the scope, excludes and assigns units, and queues the first batches to send at {@code nowNanos}. */
    public static MusterEngine start(String id, MusterRequest request, UnitRegistry registry, List<MusterLink> links,
                                     long nowNanos, Instant wallNow) throws MusterRejected {
        return start(id, request, registry, links, ChannelAssigner.NONE, nowNanos, wallNow);
    }

    /**
     * As {@link #start(String, MusterRequest, UnitRegistry, List, long, Instant)}, with each unit's calls on the
     * channel {@code channels} gives it (one lane, with its own pacing, per link and channel). Record
     * {@link #plannedLinks()} in the start record so a replay keeps every unit on its lane.
     */
    public static MusterEngine start(String id, MusterRequest request, UnitRegistry registry, List<MusterLink> links,
                                     ChannelAssigner channels, long nowNanos, Instant wallNow) throws MusterRejected {
        return start(id, request, registry, links, channels, GroupAssigner.NONE, nowNanos, wallNow);
    }

    /**
     * As above, with the group {@code groups} names for the scope called instead of listing the units where that
     * reaches exactly the muster's units ({@link GroupCalls}); {@link #plannedLinks()} records it for a replay.
     */
    public static MusterEngine start(String id, MusterRequest request, UnitRegistry registry, List<MusterLink> links,
                                     ChannelAssigner channels, GroupAssigner groups, long nowNanos, Instant wallNow)
            throws MusterRejected {
        List<String> problems = MusterPlanner.problems(request, registry, links);
        if (!problems.isEmpty()) {
            throw new MusterRejected(problems);
        }
        MusterEngine engine = new MusterEngine(id, request, registry, links, channels, groups, nowNanos, wallNow);
        engine.handleTimeout(nowNanos);
        return engine;
    }

    /** Rebuilds a muster from its start and recorded inputs: see {@link MusterReplay}. */
    static MusterEngine rebuilt(MusterStart start, long startNanos) {
        return new MusterEngine(start.musterId(), start.request(), new UnitRegistry(start.units()), start.links(),
                ChannelAssigner.recorded(), GroupAssigner.recorded(), startNanos, start.startedAt());
    }

    /** Drops the sends asked for so far (a replay: those calls went out when the muster first ran). */
    void discardSends() {
        calls.drainOutbox();
    }

    public String id() {
        return id;
    }

    /** The instant (monotonic) the muster started; inputs are recorded as offsets from it. */
    public long startNanos() {
        return timing.startNanos();
    }

    /** Units this muster calls (or called): its targets less the exclusions and those unreachable at start. */
    public java.util.Set<String> calledUnitIds() {
        java.util.Set<String> out = new java.util.HashSet<>();
        units.stream().filter(u -> u.lane != null).forEach(u -> out.add(u.unit.unitId()));
        return out;
    }

    /** The links as planned: with the channel each unit was put on, for the start record. */
    public List<MusterLink> plannedLinks() {
        return lanes.asPlanned();
    }

    /** The groups this muster called instead of listing units, in call order. */
    public List<dev.outpost.gateway.muster.report.GroupUse> groupsUsed() {
        return calls.groupsUsed();
    }

    /** The registry rows of every unit this muster planned, targets and exclusions alike. */
    public List<Unit> plannedUnits() {
        return units.stream().map(u -> u.unit).toList();
    }

    public MusterRequest request() {
        return request;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Fires attempt timeouts and the deadline due by {@code nowNanos}, sends what pacing allows, finishes if done. */
    public void handleTimeout(long nowNanos) {
        if (finished) {
            return;
        }
        long now = runTimers(nowNanos);
        dispatch(now);
        finishIfSettled(now);
    }

    /** The next instant at which {@link #handleTimeout} has work to do; empty once finished. */
    public OptionalLong pollTimeout() {
        if (finished) {
            return OptionalLong.empty();
        }
        long next = timing.finalNanos();
        if (tally.anyPending()) {
            next = Math.min(next, timing.deadlineNanos());
        } else {
            next = Math.min(next, UnitVerdicts.lateWindowEnd(units, timing, lastNanos));
        }
        next = Math.min(next, calls.nextExpiry(Long.MAX_VALUE));
        if (lastNanos < timing.deadlineNanos()) {
            for (LinkLane lane : pacedLanes) {
                if (lane.inFlightFull()) {
                    continue; // a receipt or an answer frees it, not time: the cheap test first (DMR: 400 lanes)
                }
                List<UnitState> batch = lane.peekBatch();
                if (!batch.isEmpty()) {
                    next = Math.min(next, lane.readyAt(batch, lastNanos));
                }
            }
        }
        return OptionalLong.of(next);
    }

    /** Calls to send now, in order; each must be answered with {@link #onReceipt} or {@link #onCallFailed}. */
    public List<SendCall> pollSends() {
        return calls.drainOutbox();
    }

    /** Acks whose latency became known since the last poll. */
    public List<MusterAck> pollAcks() {
        return answers.drain();
    }

    public boolean ownsCallRef(String callRef) {
        return calls.get(callRef) != null;
    }

    /** Whether an ack from this unit without a usable call reference belongs to this muster. */
    public boolean awaitsAckFrom(String unitId) {
        UnitState unit = byUnitId.get(unitId);
        return !finished && unit != null && !unit.calls.isEmpty()
                && (unit.pending() || unit.outcome == MusterOutcome.NO_ANSWER);
    }

    /** Records that a call left the gateway; refused addresses become {@code unreachable}. */
    public void onReceipt(CallReceipt receipt, long nowNanos) {
        CallState call = calls.get(receipt.callRef());
        if (call == null || call.receipted || finished) {
            return;
        }
        calls.receipted(call, receipt.sentNanos(), receipt.sentAt());
        call.releaseSlot();
        for (String refused : receipt.refused()) {
            call.units.stream().filter(u -> refused.equals(u.address) && u.pending())
                    .forEach(u -> u.finish(MusterOutcome.UNREACHABLE, "refused by the network"));
        }
        call.units.forEach(answers::emitIfResolved);
        handleTimeout(nowNanos);
    }

    /** Records that a call could not be sent; its units are retried, or {@code unreachable} if no attempt went out. */
    public void onCallFailed(String callRef, String reason, long nowNanos) {
        CallState call = calls.get(callRef);
        if (call == null || call.receipted || call.failed || finished) {
            return;
        }
        call.failed = true;
        call.releaseSlot();
        for (UnitState unit : call.units) {
            if (unit.pending() && unit.latestCall() == call && unit.attemptsDispatched >= request.maxAttempts()) {
                UnitVerdicts.concludeUnanswered(unit, UnitVerdicts.endOfLastSentAttempt(unit, timing, lastNanos),
                        "every attempt failed to send: " + reason);
            }
            answers.emitIfResolved(unit);
        }
        handleTimeout(nowNanos);
    }

    /** Matches an ack event to this muster's units; see {@link AckResult}. Non-ack events are {@code NOT_MINE}. */
    public AckResult onAck(UnitEvent event, long nowNanos) {
        if (finished || !(event.payload() instanceof EventPayload.Ack ack)) {
            return AckResult.NOT_MINE;
        }
        CallState call = calls.get(ack.callRef());
        UnitState unit = call != null ? AckMatching.unitInCall(call, event)
                : event.unitId().map(byUnitId::get).orElse(null);
        if (unit == null) {
            return call != null ? answers.ignore() : AckResult.NOT_MINE;
        }
        if (unit.calls.isEmpty()) {
            return answers.ignore();
        }
        runTimers(event.receivedNanos());
        AckResult result = answers.apply(unit, call, event, ack, timing);
        handleTimeout(nowNanos);
        return result;
    }

    /** Whether a PTT event is on this voice muster's talkgroup (then it goes to {@link #onPtt}). */
    public boolean hears(UnitEvent event) {
        return !finished && voice.hears(event);
    }

    /**
     * A PTT start or end on this voice muster's talkgroup: the dispatcher's end is T0 of the units waiting for it, and
     * a unit's first key-up after its T0 is its ack (docs/MUSTER.md, "Voice over DMR"). Other PTT is
     * {@code NOT_MINE}: the dispatcher's key-up, talk before T0, radios that are not the muster's.
     */
    public AckResult onPtt(UnitEvent event, long nowNanos) {
        if (!hears(event)) {
            return AckResult.NOT_MINE;
        }
        runTimers(event.receivedNanos());
        AckResult result = AckResult.NOT_MINE;
        if (voice.dispatcherEnded(event)) {
            dispatch(lastNanos);
            voice.takeEarly(event).forEach(this::keyUp);
        } else if (voice.isKeyUp(event)) {
            result = keyUp(event);
        }
        handleTimeout(nowNanos);
        return result;
    }

    /** Ends the muster now: units still pending become {@code cancelled}. */
    public void cancel(long nowNanos) {
        if (finished) {
            return;
        }
        long now = runTimers(nowNanos);
        units.stream().filter(UnitState::pending).forEach(u -> u.finish(MusterOutcome.CANCELLED, "muster cancelled"));
        cancelled = true;
        finish(now);
    }

    public MusterSnapshot snapshot(long nowNanos) {
        return MusterRecords.snapshot(this, units.size(), tally, answers.duplicates(), Math.max(nowNanos, lastNanos));
    }

    /** The report as of now (final once {@link #isFinished()}). */
    public MusterReport report() {
        return MusterRecords.report(this, units, answers.duplicates(), answers.ignored());
    }

    String state() {
        return !finished ? "running" : cancelled ? "cancelled" : "finished";
    }

    MusterTiming timing() {
        return timing;
    }

    Instant startedAt() {
        return startedAt;
    }

    long endNanos() {
        return finished ? finishedNanos : lastNanos;
    }

    private AckResult keyUp(UnitEvent event) {
        UnitState unit = voice.unitOf(event, byUnitId, units);
        if (unit == null) {
            return AckResult.NOT_MINE;
        }
        CallState attempt = VoiceFloor.attemptAt(unit, event.receivedNanos());
        if (attempt == null) {
            voice.keepIfUnasked(unit, event);
            return AckResult.NOT_MINE;
        }
        return answers.apply(unit, attempt, event, null, timing);
    }

    /** Expires attempts and applies the deadline up to {@code nanos} (never backwards); returns the engine's now. */
    private long runTimers(long nanos) {
        long now = Math.max(nanos, lastNanos);
        lastNanos = now;
        for (CallState call : calls.takeExpired(now)) {
            call.expired = true;
            call.releaseSlot();
            for (UnitState unit : call.units) {
                if (unit.pending() && unit.latestCall() == call) {
                    attemptEnded(unit, timing.expiry(call));
                }
            }
        }
        if (now >= timing.deadlineNanos()) {
            voice.closeUnasked(units);
            UnitVerdicts.closeAtDeadline(units, timing);
            lanes.all().forEach(LinkLane::dropStale);
        }
        return now;
    }

    private void attemptEnded(UnitState unit, long endNanos) {
        if (unit.attemptsDispatched < request.maxAttempts() && endNanos < timing.deadlineNanos()) {
            unit.queued = true;
            unit.lane.queue.addLast(unit);
        } else {
            UnitVerdicts.concludeUnanswered(unit, endNanos, "every attempt failed to send");
        }
    }

    private void dispatch(long now) {
        if (now < timing.deadlineNanos()) {
            calls.dispatch(pacedLanes, now);
            voice.open(lanes.all(), calls, now);
        }
    }

    private void finishIfSettled(long now) {
        boolean settled = now >= timing.finalNanos();
        if (!settled) {
            settled = !tally.anyWaiting() && now >= UnitVerdicts.lateWindowEnd(units, timing, now);
        }
        if (settled) {
            finish(now);
        }
    }

    private void finish(long now) {
        finished = true;
        // Nothing can change after the final instant, so a muster ends there even when its timer ran late (or the
        // gateway was down at that instant and resumed it afterwards).
        finishedNanos = Math.min(now, timing.finalNanos());
        for (UnitState unit : units) {
            if (unit.answered() && !unit.latencyResolved) {
                answers.emitEstimated(unit);
            }
        }
        calls.closeAll();
        lanes.all().forEach(lane -> {
            lane.queue.clear();
            lane.inFlight = 0;
        });
    }
}
