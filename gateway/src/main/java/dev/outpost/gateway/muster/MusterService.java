package dev.outpost.gateway.muster;

import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import dev.outpost.gateway.muster.report.MusterReport;
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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's musters: starts them (or resumes them after a restart), routes acks to the right one, cancels,
 * and keeps finished reports. Each running muster is driven by its {@link MusterDriver}; what happens is reported
 * to a {@link MusterListener} and recorded through a {@link MusterRecorder}.
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
    private final Map<String, MusterDriver> running = new LinkedHashMap<>();
    private final FinishedMusters finished;
    private final MusterRecorder recorder;
    private final Predicate<String> archived;
    private final MusterDriver.Context context;
    private GroupAssigner groups = GroupAssigner.NONE;

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
        this.context = new MusterDriver.Context(scheduler, clock, this.links, listener, recorder, this::finish);
    }

    /** Where musters learn the groups they may call instead of listing units (none by default). */
    public void useGroups(GroupAssigner assigner) {
        this.groups = java.util.Objects.requireNonNull(assigner, "assigner");
    }

    /**
     * A voice muster that names no talkgroup takes its scope's configured one (street or district), resolved here so
     * that the recorded request, and so a replay, carries it.
     */
    private MusterRequest withScopeTalkgroup(MusterRequest request) {
        if (request.method() != CallMethod.VOICE || request.talkgroup().isPresent()) {
            return request;
        }
        return groups.talkgroupOf(request.scope()).map(request::withTalkgroup).orElse(request);
    }

    /** Starts a muster now; its first calls go out before this returns. */
    public MusterSnapshot start(MusterRequest request) throws MusterRejected {
        scheduler.checkOwnerThread();
        List<String> problems = new ArrayList<>();
        String id = request.musterId().orElseGet(() -> ids.next(clock.wallNow(), this::idInUse));
        if (request.musterId().isPresent()) {
            Optional.ofNullable(MusterIds.problemWith(id, this::idInUse)).ifPresent(problems::add);
        }
        request = withScopeTalkgroup(request);
        MusterEngine engine;
        List<MusterLink> linkViews = linkViews();
        Instant startedAt = clock.wallNow();
        try {
            engine = MusterEngine.start(id, request, registry.get(), linkViews, this::channelOf, groups,
                    clock.monotonicNanos(), startedAt);
        } catch (MusterRejected rejected) {
            problems.addAll(rejected.problems());
            throw new MusterRejected(problems);
        }
        if (!request.allowOverlap()) {
            overlap(engine).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new MusterRejected(problems);
        }
        MusterDriver driver = new MusterDriver(engine, 0, context);
        running.put(id, driver);
        recorder.started(new MusterStart(id, request, engine.plannedLinks(), engine.plannedUnits(), startedAt));
        MusterSnapshot snapshot = driver.snapshot();
        log.info("muster {} started: {} units in scope {}", id, snapshot.targeted(), snapshot.scope());
        MusterDriver.notify(() -> listener.onStarted(snapshot));
        driver.begin(snapshot);
        return snapshot;
    }

    /**
     * Takes over a muster that was running when the gateway stopped: rebuilds it from its recorded start and inputs,
     * maps its timeline onto this process's clock through the wall clock, then carries on (its deadlines continue;
     * units whose attempt ran out while the gateway was down are retried if attempts and time remain). Acks already
     * recorded are not announced again.
     */
    public MusterSnapshot resume(RecoveredMuster recovered) {
        scheduler.checkOwnerThread();
        MusterStart start = recovered.start();
        long sinceStart = Duration.between(start.startedAt(), clock.wallNow()).toNanos();
        MusterEngine engine = MusterReplay.replay(start, clock.monotonicNanos() - sinceStart, recovered.inputs());
        MusterDriver driver = new MusterDriver(engine, recovered.lastSequence(), context);
        running.put(start.musterId(), driver);
        engine.pollAcks().stream().filter(ack -> !recovered.recordedAcks().contains(ack.unitId()))
                .forEach(ack -> MusterDriver.notify(() -> listener.onAck(ack)));
        MusterSnapshot snapshot = driver.snapshot();
        log.info("muster {} resumed after a restart: {} inputs replayed, {} acked, {} pending", start.musterId(),
                recovered.inputs().size(), snapshot.acked(), snapshot.pending());
        MusterDriver.notify(() -> listener.onProgress(snapshot));
        driver.resume(snapshot);
        return snapshot;
    }

    /** Cancels a running muster; false when no muster with that id is running. */
    public boolean cancel(String musterId) {
        scheduler.checkOwnerThread();
        MusterDriver driver = running.get(musterId);
        if (driver == null) {
            return false;
        }
        driver.cancel();
        return true;
    }

    public Optional<MusterView> get(String musterId) {
        scheduler.checkOwnerThread();
        MusterDriver driver = running.get(musterId);
        if (driver != null) {
            return Optional.of(new MusterView.Live(driver.snapshot()));
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
        return running.values().stream().map(d -> d.engine().snapshot(now)).toList();
    }

    /**
     * Feeds one unit event. Acks go to the muster that owns their call reference, else to the most
     * recently started running muster that awaits that unit; PTT starts and ends on a voice muster's talkgroup go to
     * every muster listening there; other events are ignored.
     */
    public void onEvent(UnitEvent event) {
        scheduler.checkOwnerThread();
        if (event.payload() instanceof EventPayload.PttStart || event.payload() instanceof EventPayload.PttEnd) {
            // Voice musters on a talkgroup take T0 and key-ups from PTT; each one listening there hears it.
            List.copyOf(running.values()).stream().filter(d -> d.engine().hears(event)).forEach(d -> d.onPtt(event));
            return;
        }
        if (!(event.payload() instanceof EventPayload.Ack ack)) {
            return;
        }
        MusterDriver target = running.values().stream()
                .filter(d -> d.engine().ownsCallRef(ack.callRef())).findFirst()
                .orElseGet(() -> event.unitId().map(this::latestAwaiting).orElse(null));
        if (target == null) {
            log.debug("ack {} from {} matches no running muster", event.eventId(), event.address());
            return;
        }
        target.onAck(event);
    }

    /** Two musters never call the same units at once unless the later one allows it. */
    private Optional<String> overlap(MusterEngine engine) {
        Set<String> wanted = engine.calledUnitIds();
        for (MusterDriver running : this.running.values()) {
            List<String> shared = running.engine().calledUnitIds().stream().filter(wanted::contains).sorted().toList();
            if (!shared.isEmpty()) {
                return Optional.of(shared.size() + " of its units are being called by running muster "
                        + running.engine().id() + " (e.g. " + String.join(", ", shared.subList(0, Math.min(3,
                        shared.size()))) + "); wait for it, cancel it, or set allow_overlap");
            }
        }
        return Optional.empty();
    }

    private MusterDriver latestAwaiting(String unitId) {
        MusterDriver latest = null;
        for (MusterDriver driver : running.values()) {
            if (driver.engine().awaitsAckFrom(unitId)) {
                latest = driver;
            }
        }
        return latest;
    }

    private boolean idInUse(String id) {
        return running.containsKey(id) || finished.contains(id) || archived.test(id);
    }

    /** Asks the link which of its channels reaches the unit now; a link that fails to say is one channel. */
    private Optional<ChannelAssigner.Assignment> channelOf(MusterLink view, String unitId, String address) {
        Link link = links.get(view.linkId());
        try {
            return link.channelOf(address).map(channel -> new ChannelAssigner.Assignment(channel, link.pacing(channel)));
        } catch (RuntimeException e) {
            log.warn("link {} could not name the channel for {}: {}", link.id(), address, e.toString());
            return Optional.empty();
        }
    }

    private List<MusterLink> linkViews() {
        return links.values().stream().map(link -> {
            LinkStatus status = link.status();
            boolean up = status != null && status.state() == LinkState.UP;
            Optional<TalkgroupVoiceLink.TalkgroupVoice> voice = link instanceof TalkgroupVoiceLink t
                    ? Optional.of(t.talkgroupVoice()) : Optional.empty();
            return new MusterLink(link.id(), link.bearer(), link.pacing(), up, methodsOf.apply(link),
                    MusterChannels.NONE, voice);
        }).toList();
    }

    /** A muster ended: keep its report, record it, and say so (last progress, then the result). */
    private void finish(MusterDriver driver) {
        MusterEngine engine = driver.engine();
        running.remove(engine.id());
        MusterSnapshot last = driver.snapshot();
        MusterReport report = engine.report();
        finished.add(report, last);
        try {
            recorder.finished(report, last);
        } catch (RuntimeException e) {
            log.error("muster {} finished but its record could not be written", report.musterId(), e);
        }
        log.info("muster {} {}: {} acked, {} late, {} no answer, {} unreachable of {}", report.musterId(),
                report.state(), last.acked(), last.late(), last.noAnswer(), last.unreachable(), last.targeted());
        MusterDriver.notify(() -> listener.onProgress(last));
        MusterDriver.notify(() -> listener.onFinished(report));
    }
}
