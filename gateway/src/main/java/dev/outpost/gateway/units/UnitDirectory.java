package dev.outpost.gateway.units;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.time.Cancellable;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live unit registry: the CSV's units with the changes made over MQTT on top. Changes are validated, applied at
 * once (so the next request sees them), stored, and only then confirmed; one that cannot be stored is undone. A leave
 * with a return date ends by itself at that instant.
 *
 * <p>Changes run on the scheduler's thread; {@link #registry()} may be read from any thread.
 */
public final class UnitDirectory {
    private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);

    private final TaskScheduler scheduler;
    private final GatewayClock clock;
    private final UnitFields fields;
    private final UnitStore store;
    private final Consumer<UnitView> changed;
    private final Map<String, Instant> leaveUntil = new HashMap<>();
    private final Map<String, Cancellable> leaveTimers = new HashMap<>();
    private volatile UnitRegistry current;

    /**
     * @param leaves  return dates of units on leave, as stored
     * @param changed told of every change (to publish the unit's state)
     */
    public UnitDirectory(UnitRegistry initial, Map<String, Instant> leaves, UnitFields fields, UnitStore store,
                         TaskScheduler scheduler, GatewayClock clock, Consumer<UnitView> changed) {
        this.current = initial;
        this.fields = fields;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.changed = changed;
        leaves.forEach((id, until) -> {
            if (initial.byId(id).map(u -> u.lifecycle() == Lifecycle.ON_LEAVE).orElse(false)) {
                leaveUntil.put(id, until);
            }
        });
    }

    /** The registry now; safe from any thread. */
    public UnitRegistry registry() {
        return current;
    }

    /** Arms the timers of leaves with a return date (ending at once those already over). Call on the scheduler. */
    public void start() {
        scheduler.checkOwnerThread();
        new ArrayList<>(leaveUntil.keySet()).forEach(this::armLeaveTimer);
    }

    /**
     * Takes a re-read registry (the file merged with the stored MQTT changes exactly as at start; SIGHUP). Units
     * added or changed are announced; leave timers follow the new rows. Call on the scheduler.
     *
     * @return how many units were added, changed or removed
     */
    public int reload(JournalUnitStore.Merged merged) {
        scheduler.checkOwnerThread();
        UnitRegistry before = current;
        current = merged.registry();
        leaveTimers.values().forEach(Cancellable::cancel);
        leaveTimers.clear();
        leaveUntil.clear();
        merged.leaves().forEach((id, until) -> {
            if (current.byId(id).map(u -> u.lifecycle() == Lifecycle.ON_LEAVE).orElse(false)) {
                leaveUntil.put(id, until);
            }
        });
        new ArrayList<>(leaveUntil.keySet()).forEach(this::armLeaveTimer);
        int differences = 0;
        for (Unit unit : current.units()) {
            if (!before.byId(unit.unitId()).map(unit::equals).orElse(false)) {
                differences++;
                notifyChanged(new UnitView(unit, leaveUntil.get(unit.unitId())));
            }
        }
        for (Unit unit : before.units()) {
            if (current.byId(unit.unitId()).isEmpty()) {
                differences++;
                log.info("unit {} is no longer in the registry", unit.unitId());
            }
        }
        return differences;
    }

    public Optional<UnitView> get(String unitId) {
        return current.byId(unitId).map(u -> new UnitView(u, leaveUntil.get(unitId)));
    }

    public List<UnitView> list() {
        return current.units().stream().map(u -> new UnitView(u, leaveUntil.get(u.unitId()))).toList();
    }

    public CompletableFuture<UnitOutcome> add(JsonNode unit) {
        scheduler.checkOwnerThread();
        UnitFields.Result parsed = fields.add(unit);
        if (!parsed.isOk()) {
            return done(new UnitOutcome.Refused(parsed.problems()));
        }
        List<String> problems = new ArrayList<>();
        if (current.byId(parsed.unit().unitId()).isPresent()) {
            problems.add("unit '" + parsed.unit().unitId() + "' already exists; use unit/update to change it");
        }
        problems.addAll(radioIdClashes(parsed.unit()));
        return problems.isEmpty() ? commit(parsed.unit(), null, "mqtt:unit/add", false)
                : done(new UnitOutcome.Refused(problems));
    }

    public CompletableFuture<UnitOutcome> update(String unitId, JsonNode set) {
        scheduler.checkOwnerThread();
        Optional<Unit> existing = current.byId(unitId);
        if (existing.isEmpty()) {
            return done(new UnitOutcome.Unknown(unitId));
        }
        UnitFields.Result parsed = fields.update(existing.get(), set);
        if (!parsed.isOk()) {
            return done(new UnitOutcome.Refused(parsed.problems()));
        }
        List<String> clashes = radioIdClashes(parsed.unit());
        return clashes.isEmpty() ? commit(parsed.unit(), leaveUntil.get(unitId), "mqtt:unit/update", false)
                : done(new UnitOutcome.Refused(clashes));
    }

    /** Puts a unit on leave, until {@code until} if given (it must be in the future). */
    public CompletableFuture<UnitOutcome> leave(String unitId, Instant until) {
        scheduler.checkOwnerThread();
        Optional<Unit> unit = current.byId(unitId);
        if (unit.isEmpty()) {
            return done(new UnitOutcome.Unknown(unitId));
        }
        if (unit.get().lifecycle() == Lifecycle.DEACTIVATED) {
            return refused("unit '" + unitId + "' is deactivated; activate it first");
        }
        if (until != null && !until.isAfter(clock.wallNow())) {
            return refused("'until' (" + until + ") is not in the future");
        }
        return commit(unit.get().withLifecycle(Lifecycle.ON_LEAVE), until, "mqtt:unit/leave",
                unit.get().lifecycle() != Lifecycle.ON_LEAVE);
    }

    /** Ends a leave early. */
    public CompletableFuture<UnitOutcome> returnFromLeave(String unitId) {
        return move(unitId, Lifecycle.ON_LEAVE, Lifecycle.ACTIVE, "mqtt:unit/return", "is not on leave");
    }

    public CompletableFuture<UnitOutcome> deactivate(String unitId) {
        scheduler.checkOwnerThread();
        Optional<Unit> unit = current.byId(unitId);
        if (unit.isEmpty()) {
            return done(new UnitOutcome.Unknown(unitId));
        }
        if (unit.get().lifecycle() == Lifecycle.DEACTIVATED) {
            return refused("unit '" + unitId + "' is already deactivated");
        }
        return commit(unit.get().withLifecycle(Lifecycle.DEACTIVATED), null, "mqtt:unit/deactivate", true);
    }

    public CompletableFuture<UnitOutcome> activate(String unitId) {
        return move(unitId, Lifecycle.DEACTIVATED, Lifecycle.ACTIVE, "mqtt:unit/activate",
                "is not deactivated (a unit on leave comes back with unit/return)");
    }

    private CompletableFuture<UnitOutcome> move(String unitId, Lifecycle from, Lifecycle to, String source,
                                                String wrongState) {
        scheduler.checkOwnerThread();
        Optional<Unit> unit = current.byId(unitId);
        if (unit.isEmpty()) {
            return done(new UnitOutcome.Unknown(unitId));
        }
        if (unit.get().lifecycle() != from) {
            return refused("unit '" + unitId + "' " + wrongState);
        }
        return commit(unit.get().withLifecycle(to), null, source, true);
    }

    /** Applies a change now, stores it, and confirms it once stored; undoes it if it cannot be stored. */
    private CompletableFuture<UnitOutcome> commit(Unit unit, Instant until, String source, boolean lifecycleChanged) {
        Optional<Unit> before = current.byId(unit.unitId());
        Instant beforeUntil = leaveUntil.get(unit.unitId());
        apply(unit, until);
        UnitChange change = new UnitChange(unit, until, clock.wallNow(), source, lifecycleChanged);
        CompletableFuture<UnitOutcome> outcome = new CompletableFuture<>();
        store.save(change).whenComplete((ok, failure) -> scheduler.execute(() -> {
            if (failure == null) {
                UnitView view = new UnitView(unit, until);
                log.info("unit {} {}: {}", unit.unitId(), source, unit.lifecycle().wireName());
                notifyChanged(view);
                outcome.complete(new UnitOutcome.Done(view));
            } else {
                log.error("unit {}: change ({}) not stored, undone: {}", unit.unitId(), source, failure.toString());
                if (current.byId(unit.unitId()).map(unit::equals).orElse(false)) {
                    before.ifPresentOrElse(u -> apply(u, beforeUntil), () -> remove(unit.unitId()));
                }
                outcome.complete(new UnitOutcome.Failed("the change could not be stored: " + failure.getMessage()));
            }
        }));
        return outcome;
    }

    private void apply(Unit unit, Instant until) {
        List<Unit> units = new ArrayList<>(current.units());
        int index = indexOf(units, unit.unitId());
        if (index >= 0) {
            units.set(index, unit);
        } else {
            units.add(unit);
        }
        current = new UnitRegistry(units);
        Cancellable timer = leaveTimers.remove(unit.unitId());
        if (timer != null) {
            timer.cancel();
        }
        if (unit.lifecycle() == Lifecycle.ON_LEAVE && until != null) {
            leaveUntil.put(unit.unitId(), until);
            armLeaveTimer(unit.unitId());
        } else {
            leaveUntil.remove(unit.unitId());
        }
    }

    private void remove(String unitId) {
        List<Unit> units = new ArrayList<>(current.units());
        units.removeIf(u -> u.unitId().equals(unitId));
        current = new UnitRegistry(units);
    }

    private void armLeaveTimer(String unitId) {
        Instant until = leaveUntil.get(unitId);
        long delay = Math.max(0, Duration.between(clock.wallNow(), until).toNanos());
        leaveTimers.put(unitId, scheduler.schedule(delay, () -> endLeave(unitId, until)));
    }

    private void endLeave(String unitId, Instant until) {
        leaveTimers.remove(unitId);
        Optional<Unit> unit = current.byId(unitId);
        if (unit.isPresent() && unit.get().lifecycle() == Lifecycle.ON_LEAVE && until.equals(leaveUntil.get(unitId))) {
            commit(unit.get().withLifecycle(Lifecycle.ACTIVE), null, "leave ended", true);
        }
    }

    /** Radio ids are unique across units, on every bearer. */
    private List<String> radioIdClashes(Unit unit) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Bearer, String> address : unit.addresses().entrySet()) {
            current.byAddress(address.getKey(), address.getValue())
                    .filter(other -> !other.unitId().equals(unit.unitId()))
                    .ifPresent(other -> problems.add(address.getKey().wireName() + " address " + address.getValue()
                            + " is already used by unit '" + other.unitId() + "'"));
        }
        return problems;
    }

    private void notifyChanged(UnitView view) {
        try {
            changed.accept(view);
        } catch (RuntimeException e) {
            log.warn("unit change listener failed", e);
        }
    }

    private static int indexOf(List<Unit> units, String unitId) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).unitId().equals(unitId)) {
                return i;
            }
        }
        return -1;
    }

    private static CompletableFuture<UnitOutcome> done(UnitOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private static CompletableFuture<UnitOutcome> refused(String problem) {
        return done(new UnitOutcome.Refused(List.of(problem)));
    }
}
