package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.MusterDefaults;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.muster.ConfiguredGroups;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.units.JournalUnitStore;
import dev.outpost.gateway.units.UnitDirectory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the config a reload (SIGHUP) changes while running: the unit registry (the file merged with the
 * changes made over MQTT, as at start), the muster defaults, the routine schedules and the groups. Other changed
 * sections are reported as needing a restart.
 */
final class LiveConfig {
    private static final Logger log = LoggerFactory.getLogger(LiveConfig.class);

    private final OutpostConfig startedWith;
    private final Executor core;
    private final GatewayClock clock;
    private final MqttBridge bridge;
    private final UnitDirectory units;
    private final JournalUnitStore unitStore;
    private final AtomicReference<MusterDefaults> musterDefaults;
    private final ConfiguredGroups groups;
    private final MusterSchedules schedules;
    private final InfoPublisher info;

    LiveConfig(OutpostConfig startedWith, Executor core, GatewayClock clock, MqttBridge bridge, UnitDirectory units,
               JournalUnitStore unitStore, AtomicReference<MusterDefaults> musterDefaults, ConfiguredGroups groups,
               MusterSchedules schedules, InfoPublisher info) {
        this.startedWith = startedWith;
        this.core = core;
        this.clock = clock;
        this.bridge = bridge;
        this.units = units;
        this.unitStore = unitStore;
        this.musterDefaults = musterDefaults;
        this.groups = groups;
        this.schedules = schedules;
        this.info = info;
    }

    /**
     * Applies a re-read, already checked config and registry, on the core thread (waiting, bounded, for it). The
     * report is logged and published retained on {@code <base>/config}, with a fresh {@code info}.
     *
     * @throws JournalException when the stored unit changes cannot be read; nothing is changed then
     */
    ReloadReport reload(OutpostConfig next, UnitRegistry nextRegistry) throws JournalException {
        JournalUnitStore.Merged merged = JournalUnitStore.merge(nextRegistry, unitStore.load());
        ReloadReport report;
        try {
            report = CompletableFuture.supplyAsync(() -> apply(next, merged), core).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the new config", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the core thread did not take the new config: " + e, e);
        }
        if (!report.needsRestart().isEmpty()) {
            log.warn("config reload: changes to {} take effect only after a restart (systemctl restart outpost)",
                    String.join(", ", report.needsRestart()));
        }
        log.info("config {}: {} units in the registry", report.summary(), merged.registry().size());
        bridge.publish("config", MqttJson.bytes(report.toJson(clock.wallNow(), Wiring.configHash(next))), true, 1);
        return report;
    }

    /** A reload was refused (the new config has errors): retained on {@code <base>/config}; the running one stays. */
    void rejected(List<String> problems) {
        ObjectNode doc = MqttJson.event(clock.wallNow());
        doc.put("result", "rejected");
        problems.forEach(doc.putArray("problems")::add);
        bridge.publish("config", MqttJson.bytes(doc), true, 1);
    }

    private ReloadReport apply(OutpostConfig next, JournalUnitStore.Merged merged) {
        int unitsChanged = units.reload(merged);
        musterDefaults.set(next.muster());
        groups.replace(next.groups());
        MusterSchedules.Changes changed = schedules.replace(next.schedules());
        // The info document describes what runs: the sections needing a restart stay as started.
        info.publish(ReloadReport.running(startedWith, next));
        return new ReloadReport(ReloadReport.LIVE, ReloadReport.restartNeeded(startedWith, next), unitsChanged,
                changed);
    }
}
