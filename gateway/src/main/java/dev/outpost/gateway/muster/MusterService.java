package dev.outpost.gateway.muster;

import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.time.Cancellable;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TaskScheduler;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@link MusterEngine}s: sends their calls on the links, feeds them receipts, acks and timer
 * ticks, and reports to a {@link MusterListener}.
 *
 * <p><b>Thread confinement:</b> every public method must be called on the scheduler's owning thread
 * (the gateway's core executor); they check this and throw {@link IllegalStateException} otherwise.
 * Other threads hand work over with {@code scheduler.execute(() -> service.onEvent(e))}. Link
 * completions, which may arrive on any thread, hop back onto that thread the same way.
 */
public final class MusterService {
    public static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    public static final int DEFAULT_RETAINED_REPORTS = 50;
    private static final Logger log = LoggerFactory.getLogger(MusterService.class);

    private final TaskScheduler scheduler;
    private final GatewayClock clock;
    private final Supplier<UnitRegistry> registry;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Function<Link, Set<CallMethod>> methodsOf;
    private final MusterListener listener;
    private final MusterIds ids;
    private final Map<String, RunningMuster> running = new LinkedHashMap<>();
    private final FinishedMusters finished;
    private final MusterRecorder recorder;
    private final Predicate<String> archived;

    /** Every link is assumed to carry every method; finished reports kept: {@value #DEFAULT_RETAINED_REPORTS}. */
    public MusterService(TaskScheduler scheduler, GatewayClock clock, Supplier<UnitRegistry> registry,
                         Collection<Link> links, MusterListener listener) {
        this(scheduler, clock, registry, links, link -> EnumSet.allOf(CallMethod.class), listener,
                new MusterIds(new SecureRandom()), DEFAULT_RETAINED_REPORTS);
    }

    public MusterService(TaskScheduler scheduler, GatewayClock clock, Supplier<UnitRegistry> registry,
                         Collection<Link> links, Function<Link, Set<CallMethod>> methodsOf, MusterListener listener,
                         MusterIds ids, int retainedReports) {
        this(scheduler, clock, registry, links, methodsOf, listener, ids, retainedReports, MusterRecorder.NONE,
                id -> false);
    }

    /**
     * @param recorder where each muster's start and inputs are written, so it can be {@link #resume resumed}
     * @param archived whether a muster id is taken by a finished muster no longer held in memory
     */
    public MusterService(TaskScheduler scheduler, GatewayClock clock, Supplier<UnitRegistry> registry,
                         Collection<Link> links, Function<Link, Set<CallMethod>> methodsOf, MusterListener listener,
                         MusterIds ids, int retainedReports, MusterRecorder recorder, Predicate<String> archived) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.registry = registry;
        links.forEach(link -> this.links.put(link.id(), link));
        this.methodsOf = methodsOf;
        this.listener = listener;
        this.ids = ids;
        this.finished = new FinishedMusters(retainedReports);
        this.recorder = recorder;
        this.archived = archived;
    }

    /** Starts a muster now; its first calls go out before this returns. */
    public MusterSnapshot start(MusterRequest request) throws MusterRejected {
        scheduler.checkOwnerThread();
        List<String> problems = new ArrayList<>();
        String id = request.musterId().orElseGet(() -> ids.next(clock.wallNow(), this::idInUse));
        if (request.musterId().isPresent()) {
            Optional.ofNullable(MusterIds.problemWith(id, this::idInUse)).ifPresent(problems::add);
        }
        MusterEngine engine;
        List<MusterLink> linkViews = linkViews();
        Instant startedAt = clock.wallNow();
        try {
            engine = MusterEngine.start(id, request, registry.get(), linkViews, clock.monotonicNanos(), startedAt);
        } catch (MusterRejected rejected) {
            problems.addAll(rejected.problems());
            throw new MusterRejected(problems);
        }
        if (!problems.isEmpty()) {
            throw new MusterRejected(problems);
        }
        RunningMuster muster = new RunningMuster(engine, 0);
        running.put(id, muster);
        recorder.started(new MusterStart(id, request, linkViews, engine.plannedUnits(), startedAt));
        MusterSnapshot snapshot = engine.snapshot(clock.monotonicNanos());
        muster.lastProgress = snapshot;
        log.info("muster {} started: {} units in scope {}", id, snapshot.targeted(), snapshot.scope());
        notify(() -> listener.onStarted(snapshot));
        muster.progressTick = scheduler.schedule(PROGRESS_INTERVAL_NANOS, () -> progressTick(muster));
        pump(muster);
        return snapshot;
    }

    /**
     * Takes over a muster that was running when the gateway stopped: rebuilds it from its recorded start and inputs,
     * maps its timeline onto this process's clock through the wall clock, then carries on (its deadlines continue;
     * units whose attempt ran out while the gateway was down are retried if attempts and time remain).
     *
     */
    public MusterSnapshot resume(RecoveredMuster recovered) {
        scheduler.checkOwnerThread();
        MusterStart start = recovered.start();
        List<MusterInput> inputs = recovered.inputs();
        Set<String> recordedAcks = recovered.recordedAcks();
        long nowNanos = clock.monotonicNanos();
        long sinceStart = Duration.between(start.startedAt(), clock.wallNow()).toNanos();
        MusterEngine engine = MusterEngine.replay(start, nowNanos - sinceStart, inputs);
        RunningMuster muster = new RunningMuster(engine, recovered.lastSequence());
        running.put(start.musterId(), muster);
        engine.pollAcks().stream().filter(ack -> !recordedAcks.contains(ack.unitId()))
                .forEach(ack -> notify(() -> listener.onAck(ack)));
        MusterSnapshot snapshot = engine.snapshot(nowNanos);
        muster.lastProgress = snapshot;
        log.info("muster {} resumed after a restart: {} inputs replayed, {} acked, {} pending", start.musterId(),
                inputs.size(), snapshot.acked(), snapshot.pending());
        notify(() -> listener.onProgress(snapshot));
        muster.progressTick = scheduler.schedule(PROGRESS_INTERVAL_NANOS, () -> progressTick(muster));
        record(muster, new MusterInput.Tick(offset(muster, nowNanos)));
        engine.handleTimeout(nowNanos);
        pump(muster);
        return snapshot;
    }

    /** Cancels a running muster; false when no muster with that id is running. */
    public boolean cancel(String musterId) {
        scheduler.checkOwnerThread();
        RunningMuster muster = running.get(musterId);
        if (muster == null) {
            return false;
        }
        long now = clock.monotonicNanos();
        record(muster, new MusterInput.Cancel(offset(muster, now)));
        muster.engine.cancel(now);
        pump(muster);
        return true;
    }

    public Optional<MusterView> get(String musterId) {
        scheduler.checkOwnerThread();
        RunningMuster muster = running.get(musterId);
        if (muster != null) {
            return Optional.of(new MusterView.Live(muster.engine.snapshot(clock.monotonicNanos())));
        }
        return finished.report(musterId).map(MusterView.Done::new);
    }

    /** Running musters in start order, then retained finished ones, newest first. */
    public List<MusterSnapshot> list() {
        List<MusterSnapshot> out = new ArrayList<>(running());
        out.addAll(finished.snapshotsNewestFirst());
        return out;
    }

    public List<MusterSnapshot> running() {
        scheduler.checkOwnerThread();
        long now = clock.monotonicNanos();
        return running.values().stream().map(m -> m.engine.snapshot(now)).toList();
    }

    /**
     * Feeds one unit event. Acks go to the muster that owns their call reference, else to the most
     * recently started running muster that awaits that unit; other events are ignored.
     */
    public void onEvent(UnitEvent event) {
        scheduler.checkOwnerThread();
        if (!(event.payload() instanceof EventPayload.Ack ack)) {
            return;
        }
        RunningMuster target = running.values().stream()
                .filter(m -> m.engine.ownsCallRef(ack.callRef())).findFirst()
                .orElseGet(() -> event.unitId().map(this::latestAwaiting).orElse(null));
        if (target == null) {
            log.debug("ack {} from {} matches no running muster", event.eventId(), event.address());
            return;
        }
        long now = clock.monotonicNanos();
        record(target, new MusterInput.Ack(offset(target, now), new UnitEvent(event.eventId(), event.unitId(),
                event.bearer(), event.address(), event.linkId(), offset(target, event.receivedNanos()),
                event.receivedAt(), event.payload())));
        target.engine.onAck(event, now);
        pump(target);
    }

    private RunningMuster latestAwaiting(String unitId) {
        RunningMuster latest = null;
        for (RunningMuster muster : running.values()) {
            if (muster.engine.awaitsAckFrom(unitId)) {
                latest = muster;
            }
        }
        return latest;
    }

    private boolean idInUse(String id) {
        return running.containsKey(id) || finished.contains(id) || archived.test(id);
    }

    private List<MusterLink> linkViews() {
        return links.values().stream().map(link -> {
            LinkStatus status = link.status();
            boolean up = status != null && status.state() == LinkState.UP;
            return new MusterLink(link.id(), link.bearer(), link.pacing(), up, methodsOf.apply(link));
        }).toList();
    }

    /** Carries out what the engine asked for, then re-arms its timer or wraps it up. */
    private void pump(RunningMuster muster) {
        MusterEngine engine = muster.engine;
        List<SendCall> sends;
        while (!(sends = engine.pollSends()).isEmpty()) {
            sends.forEach(send -> sendOn(muster, send));
        }
        engine.pollAcks().forEach(ack -> notify(() -> listener.onAck(ack)));
        if (engine.isFinished()) {
            complete(muster);
        } else {
            armTimer(muster);
        }
    }

    private void sendOn(RunningMuster muster, SendCall send) {
        String musterId = muster.engine.id();
        String callRef = send.request().callRef();
        CompletionStage<CallReceipt> stage;
        try {
            stage = links.get(send.linkId()).call(send.request());
        } catch (RuntimeException e) {
            long now = clock.monotonicNanos();
            record(muster, new MusterInput.CallFailed(offset(muster, now), callRef, describe(e)));
            muster.engine.onCallFailed(callRef, describe(e), now);
            return;
        }
        stage.whenComplete((receipt, error) -> scheduler.execute(() -> onCallResult(musterId, callRef, receipt, error)));
    }

    private void onCallResult(String musterId, String callRef, CallReceipt receipt, Throwable error) {
        RunningMuster muster = running.get(musterId);
        if (muster == null) {
            return;
        }
        long now = clock.monotonicNanos();
        if (error != null) {
            record(muster, new MusterInput.CallFailed(offset(muster, now), callRef, describe(error)));
            muster.engine.onCallFailed(callRef, describe(error), now);
        } else {
            record(muster, new MusterInput.Receipt(offset(muster, now), new CallReceipt(receipt.callRef(),
                    offset(muster, receipt.sentNanos()), receipt.sentAt(), receipt.refused())));
            muster.engine.onReceipt(receipt, now);
        }
        pump(muster);
    }

    private void armTimer(RunningMuster muster) {
        long next = muster.engine.pollTimeout().orElseThrow();
        if (muster.timer != null && muster.timerAt == next) {
            return;
        }
        if (muster.timer != null) {
            muster.timer.cancel();
        }
        muster.timerAt = next;
        muster.timer = scheduler.schedule(next - clock.monotonicNanos(), () -> {
            muster.timer = null;
            if (running.get(muster.engine.id()) == muster) {
                long now = clock.monotonicNanos();
                record(muster, new MusterInput.Tick(offset(muster, now)));
                muster.engine.handleTimeout(now);
                pump(muster);
            }
        });
    }

    private void progressTick(RunningMuster muster) {
        if (running.get(muster.engine.id()) != muster) {
            return;
        }
        MusterSnapshot snapshot = muster.engine.snapshot(clock.monotonicNanos());
        if (!MusterService.sameCounts(snapshot, muster.lastProgress)) {
            muster.lastProgress = snapshot;
            notify(() -> listener.onProgress(snapshot));
        }
        muster.progressTick = scheduler.schedule(PROGRESS_INTERVAL_NANOS, () -> progressTick(muster));
    }

    private void complete(RunningMuster muster) {
        running.remove(muster.engine.id());
        if (muster.timer != null) {
            muster.timer.cancel();
        }
        if (muster.progressTick != null) {
            muster.progressTick.cancel();
        }
        MusterSnapshot last = muster.engine.snapshot(clock.monotonicNanos());
        MusterReport report = muster.engine.report();
        finished.add(report, last);
        try {
            recorder.finished(report, last);
        } catch (RuntimeException e) {
            log.error("muster {} finished but its record could not be written", report.musterId(), e);
        }
        log.info("muster {} {}: {} acked, {} late, {} no answer, {} unreachable of {}", report.musterId(),
                report.state(), last.acked(), last.late(), last.noAnswer(), last.unreachable(), last.targeted());
        notify(() -> listener.onProgress(last));
        notify(() -> listener.onFinished(report));
    }

    private void record(RunningMuster muster, MusterInput input) {
        try {
            recorder.input(muster.engine.id(), ++muster.inputs, input);
        } catch (RuntimeException e) {
            log.error("muster {}: input {} not recorded; a restart could not rebuild it exactly", muster.engine.id(),
                    muster.inputs, e);
        }
    }

    private static long offset(RunningMuster muster, long nanos) {
        return nanos - muster.engine.startNanos();
    }

    private static boolean sameCounts(MusterSnapshot a, MusterSnapshot b) {
        return b != null && a.state().equals(b.state()) && a.acked() == b.acked() && a.late() == b.late()
                && a.pending() == b.pending() && a.noAnswer() == b.noAnswer() && a.unreachable() == b.unreachable()
                && a.cancelled() == b.cancelled() && a.duplicateAcks() == b.duplicateAcks();
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("muster listener failed", e);
        }
    }

    /** Per-muster driver state. */
    private static final class RunningMuster {
        final MusterEngine engine;
        Cancellable timer;
        long timerAt;
        Cancellable progressTick;
        MusterSnapshot lastProgress;
        /** Inputs recorded so far (the sequence of the last one). */
        long inputs;

        RunningMuster(MusterEngine engine, long inputs) {
            this.engine = engine;
            this.inputs = inputs;
        }
    }
}
