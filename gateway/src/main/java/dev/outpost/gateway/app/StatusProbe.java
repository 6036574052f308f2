package dev.outpost.gateway.app;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.http.GatewayStatus;
import dev.outpost.gateway.http.GatewayStatus.JournalState;
import dev.outpost.gateway.http.GatewayStatus.StreetUnits;
import dev.outpost.gateway.http.StatusSource;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.MusterView;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.units.UnitDirectory;
import dev.outpost.gateway.units.UnitPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Answers the status server from the gateway's parts; everything is read on the core thread, where muster state lives. */
final class StatusProbe implements StatusSource {
    private final Executor core;
    private final String gatewayId;
    private final String version;
    private final GatewayClock clock;
    private final List<Link> links;
    private final MusterService musters;
    private final UnitDirectory units;
    private final UnitPresence presence;
    private final MqttBridge bridge;
    private final Journal journal;
    private final Supplier<List<MusterSchedules.ScheduleView>> schedules;

    StatusProbe(Executor core, String gatewayId, String version, GatewayClock clock, List<Link> links,
                MusterService musters, UnitDirectory units, UnitPresence presence, MqttBridge bridge, Journal journal,
                Supplier<List<MusterSchedules.ScheduleView>> schedules) {
        this.core = core;
        this.gatewayId = gatewayId;
        this.version = version;
        this.clock = clock;
        this.links = List.copyOf(links);
        this.musters = musters;
        this.units = units;
        this.presence = presence;
        this.bridge = bridge;
        this.journal = journal;
        this.schedules = schedules;
    }

    @Override
    public CompletableFuture<Void> ping() {
        return onCore(() -> null);
    }

    @Override
    public CompletableFuture<GatewayStatus> status() {
        return onCore(this::gather);
    }

    /** A core thread that is shut down answers with a failure rather than an exception here. */
    private <T> CompletableFuture<T> onCore(Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, core);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    private GatewayStatus gather() {
        List<LinkStatus> statuses = links.stream().map(Link::status).toList();
        JournalState journalState = journal.writable() ? new JournalState(true, "")
                : new JournalState(false, "the journal " + journal.file() + " is closed or its writer stopped");
        return new GatewayStatus(gatewayId, version, clock.wallNow(), bridge.stats().port().connected(),
                journalState, statuses, streets(), musters.running(), lastFinished(), schedules.get());
    }

    private Optional<MusterReport> lastFinished() {
        return musters.list().stream().filter(s -> !s.running()).findFirst().map(MusterSnapshot::musterId)
                .flatMap(musters::get).filter(MusterView.Done.class::isInstance)
                .map(view -> ((MusterView.Done) view).report());
    }

    private List<StreetUnits> streets() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Unit unit : units.registry().units()) {
            String street = unit.street().isBlank() ? StreetUnits.NO_STREET : unit.street();
            int[] c = counts.computeIfAbsent(street, s -> new int[4]);
            c[unit.lifecycle().ordinal()]++;
            if (presence.online(unit.unitId())) {
                c[3]++;
            }
        }
        List<StreetUnits> out = new ArrayList<>();
        counts.forEach((street, c) -> out.add(new StreetUnits(street, c[Lifecycle.ACTIVE.ordinal()],
                c[Lifecycle.ON_LEAVE.ordinal()], c[Lifecycle.DEACTIVATED.ordinal()], c[3])));
        return out;
    }
}
