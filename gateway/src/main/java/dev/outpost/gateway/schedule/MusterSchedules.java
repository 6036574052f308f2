package dev.outpost.gateway.schedule;

import dev.outpost.config.MusterDefaults;
import dev.outpost.config.ScheduleSettings;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.muster.MusterRejected;
import dev.outpost.gateway.muster.MusterRequest;
import dev.outpost.gateway.muster.MusterScope;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts routine musters: each schedule fires at its cron instants plus a random delay of up to its jitter, so that
 * drills are regular but unannounced. A muster that cannot start (overlapping a running one, a street that no longer
 * exists) is skipped and logged; the schedule carries on. A reload ({@link #replace}) swaps the set without
 * disturbing the schedules it leaves as they were. Confined to the core thread.
 */
public final class MusterSchedules {
    private static final Logger log = LoggerFactory.getLogger(MusterSchedules.class);

    private final List<Entry> entries = new ArrayList<>();
    private final Supplier<MusterDefaults> liveDefaults;
    private final MusterService musters;
    private final TaskScheduler scheduler;
    private final GatewayClock clock;
    private final Random random;
    private boolean started;
    private Runnable onChange = () -> { };

    public MusterSchedules(List<ScheduleSettings> schedules, MusterDefaults defaults, MusterService musters,
                           TaskScheduler scheduler, GatewayClock clock, Random random) {
        this(schedules, () -> defaults, musters, scheduler, clock, random);
    }

    /** @param liveDefaults read at each scheduled start, so a reload (SIGHUP) changes them */
    public MusterSchedules(List<ScheduleSettings> schedules, Supplier<MusterDefaults> liveDefaults,
                           MusterService musters, TaskScheduler scheduler, GatewayClock clock, Random random) {
        schedules.forEach(s -> entries.add(new Entry(s)));
        this.liveDefaults = liveDefaults;
        this.musters = musters;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
    }

    /** Told (on the core thread) whenever a next start changes: after start, each start and a reload. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Arms every schedule for its next instant after now. */
    public void start() {
        scheduler.checkOwnerThread();
        started = true;
        entries.forEach(e -> arm(e, clock.wallNow()));
        if (!entries.isEmpty()) {
            log.info("{} routine muster schedule(s): {}", entries.size(), entries.stream()
                    .map(e -> e.settings.id() + " next at " + e.nextAt).toList());
        }
        onChange.run();
    }

    /** What a reload did to the schedules, by id. */
    public record Changes(List<String> kept, List<String> changed, List<String> added, List<String> removed) {
        public boolean any() {
            return !changed.isEmpty() || !added.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Replaces the schedules (SIGHUP). A schedule whose definition is unchanged keeps its armed next start, so a
     * reload can neither skip nor repeat it; a changed one is disarmed and armed again for its next instant after
     * now (it keeps its last muster and problem); new ones are armed, removed ones disarmed.
     */
    public Changes replace(List<ScheduleSettings> next) {
        scheduler.checkOwnerThread();
        Map<String, Entry> old = new LinkedHashMap<>();
        entries.forEach(e -> old.put(e.settings.id(), e));
        List<String> kept = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<Entry> replaced = new ArrayList<>();
        for (ScheduleSettings settings : next) {
            Entry previous = old.remove(settings.id());
            if (previous != null && previous.settings.equals(settings)) {
                kept.add(settings.id());
                replaced.add(previous);
                continue;
            }
            Entry entry = new Entry(settings);
            if (previous != null) {
                previous.disarm();
                entry.lastMusterId = previous.lastMusterId;
                entry.lastProblem = previous.lastProblem;
                changed.add(settings.id());
            } else {
                added.add(settings.id());
            }
            replaced.add(entry);
            if (started) {
                arm(entry, clock.wallNow());
            }
        }
        old.values().forEach(Entry::disarm);
        entries.clear();
        entries.addAll(replaced);
        Changes changes = new Changes(kept, changed, added, List.copyOf(old.keySet()));
        if (changes.any()) {
            log.info("schedules reloaded: {} kept, changed {}, added {}, removed {}", kept.size(), changed, added,
                    changes.removed());
        }
        onChange.run();
        return changes;
    }

    /** What is scheduled, for MQTT and the status page. */
    public List<ScheduleView> list() {
        return entries.stream().map(e -> new ScheduleView(e.settings, e.nextAt, e.lastMusterId, e.lastProblem))
                .toList();
    }

    /** @param nextAt the next start (cron instant plus jitter), null when the expression never fires again */
    public record ScheduleView(ScheduleSettings settings, Instant nextAt, String lastMusterId, String lastProblem) {
    }

    private void arm(Entry e, Instant after) {
        Optional<ZonedDateTime> next = e.settings.cron().next(ZonedDateTime.ofInstant(after, e.settings.zone()));
        if (next.isEmpty()) {
            e.nextAt = null;
            log.warn("schedule {}: '{}' never fires again", e.settings.id(), e.settings.cron());
            return;
        }
        long jitterNanos = e.settings.jitter().isZero() ? 0
                : (long) (random.nextDouble() * e.settings.jitter().toNanos());
        Instant cronInstant = next.get().toInstant();
        e.nextAt = cronInstant.plusNanos(jitterNanos);
        long delay = Math.max(0, Duration.between(clock.wallNow(), e.nextAt).toNanos());
        e.timer = scheduler.schedule(delay, () -> fire(e, cronInstant));
    }

    private void fire(Entry e, Instant cronInstant) {
        try {
            MusterSnapshot started = musters.start(request(e.settings));
            e.lastMusterId = started.musterId();
            e.lastProblem = null;
            log.info("schedule {}: routine muster {} started ({} units)", e.settings.id(), started.musterId(),
                    started.targeted());
        } catch (MusterRejected rejected) {
            e.lastProblem = String.join("; ", rejected.problems());
            log.warn("schedule {}: routine muster skipped: {}", e.settings.id(), e.lastProblem);
        } catch (RuntimeException failure) {
            e.lastProblem = failure.toString();
            log.error("schedule {}: routine muster failed to start", e.settings.id(), failure);
        }
        // The next one counts from this cron instant, not from now, so the jitter never accumulates.
        arm(e, cronInstant);
        onChange.run();
    }

    private MusterRequest request(ScheduleSettings s) {
        MusterScope scope = switch (s.scopeType()) {
            case "street" -> new MusterScope.Street(s.scopeValue());
            case "class" -> new MusterScope.ByClass(UnitClass.valueOf(s.scopeValue().toUpperCase(Locale.ROOT)));
            case "units" -> new MusterScope.Units(s.units());
            default -> new MusterScope.All();
        };
        MusterDefaults defaults = liveDefaults.get();
        CallMethod method = CallMethod.valueOf(s.method().orElse(defaults.method()).name());
        return new MusterRequest(Optional.empty(), scope, method, defaults.attemptTimeout(), defaults.retries(),
                defaults.deadline(), defaults.lateWindow(), defaults.prefer(), s.label(), s.allowOverlap());
    }

    private static final class Entry {
        final ScheduleSettings settings;
        Instant nextAt;
        String lastMusterId;
        String lastProblem;
        dev.outpost.gateway.time.Cancellable timer;

        Entry(ScheduleSettings settings) {
            this.settings = settings;
        }

        void disarm() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            nextAt = null;
        }
    }
}
