package dev.outpost.gateway.app;

import dev.outpost.config.MusterDefaults;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.linkage.LinkageDrills;
import dev.outpost.gateway.muster.ConfiguredGroups;
import dev.outpost.gateway.muster.MusterIds;
import dev.outpost.gateway.muster.MusterListeners;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.journal.JournalMusterRecorder;
import dev.outpost.gateway.muster.journal.JournaledAcks;
import dev.outpost.gateway.muster.journal.MusterArchive;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.mqtt.Delivery;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.mqtt.client.ReconnectingMqttClient;
import dev.outpost.gateway.outbox.DurableOutbox;
import dev.outpost.gateway.outbox.OutboxAlarm;
import dev.outpost.gateway.readiness.ReadinessPublisher;
import dev.outpost.gateway.schedule.MusterSchedules;
import dev.outpost.gateway.schedule.ScheduleJson;
import dev.outpost.gateway.mqtt.Reply;
import dev.outpost.gateway.time.ExecutorTaskScheduler;
import dev.outpost.gateway.units.JournalUnitStore;
import dev.outpost.gateway.units.UnitDirectory;
import dev.outpost.gateway.units.UnitFields;
import dev.outpost.gateway.units.UnitPresence;
import dev.outpost.gateway.units.UnitView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TimingThreads;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds every component from the config, owns every
 * thread, and starts and stops them in a fixed order. Nothing else constructs executors.
 *
 * <p>Start order: journal (and the outbox and musters it holds), MQTT bridge (connects in the background, never
 * blocks start), links, then musters that were running at the last stop resume (see {@link Recoveries}).
 * Stop order (docs/operations.md, within systemd's TimeoutStopSec): links stop (no new frames: intake stops), the
 * core thread drains and stops (musters), the journal is flushed (everything queued is committed), the bridge
 * publishes {@code offline}, then the network threads close the links' sockets, and the journal is closed last.
 */
public final class GatewayApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayApp.class);
    private static final long OUTBOX_SWEEP_SECONDS = 30;

    private final ExecutorTaskScheduler core;
    private final ScheduledExecutorService mqttExecutor;
    private final ExecutorService background;
    private final EventLoopGroup network;
    private final TimingThreads timing;
    private final Journal journal;
    private final DurableOutbox outbox;
    private final MqttBridge bridge;
    private final List<Link> links;
    private final MusterService musters;
    private final Recoveries recoveries;
    private final LinkageDrills drills;
    private final MusterSchedules schedules;
    private final LiveConfig live;
    private final UnitDirectory units;
    private final GatewayClock clock;
    private final GatewayMeters meters;
    private final OutpostConfig startedWith;
    private final AtomicReference<MusterDefaults> musterDefaults;
    private final JournalUnitStore unitStore;
    private final String version;
    private final UnitPresence presence = new UnitPresence();
    private final StatusProbe statusProbe;
    private StatusServer statusServer;

    private GatewayApp(OutpostConfig config, UnitRegistry initialRegistry, GatewayClock clock, String version,
                       Map<String, String> env) throws GatewayStartException {
        this.clock = clock;
        this.meters = new GatewayMeters();
        this.startedWith = config;
        this.musterDefaults = new AtomicReference<>(config.muster());
        ConfiguredGroups groups = new ConfiguredGroups(config.groups());
        this.version = version;
        this.journal = Durability.openJournal(config, env);
        try {
            this.core = new ExecutorTaskScheduler("outpost-core");
            this.mqttExecutor = Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("outpost-mqtt", true));
            // The links' network thread stamps every call sent and every answer read: see TimingThreads.
            this.timing = TimingThreads.of(config.timing());
            this.network = new NioEventLoopGroup(1, timing.named("outpost-net"));
            // Slow, non-urgent work (readiness over weeks of musters) runs here, never on the core thread.
            this.background = Executors.newSingleThreadExecutor(new DefaultThreadFactory("outpost-background", true));
            MusterReportWriter json = new MusterReportWriter();
            this.outbox = Durability.openOutbox(journal, config, clock, mqttExecutor, this::onOutboxAlarm);
            this.bridge = new MqttBridge(Wiring.bridgeOptions(config, version),
                    ReconnectingMqttClient.create(Wiring.clientOptions(config), clock), mqttExecutor, clock, outbox);
            this.unitStore = new JournalUnitStore(journal);
            JournalUnitStore.Merged merged = JournalUnitStore.merge(initialRegistry, unitStore.load());
            this.units = new UnitDirectory(merged.registry(), merged.leaves(),
                    new UnitFields(config.units().bounds()), unitStore, core, clock, this::publishUnitState);
            bridge.addHealthSection("outbox", () -> Durability.outboxHealth(outbox));
            bridge.addHealthSection("journal", () -> Durability.journalHealth(journal, meters.ackDurable()));
            bridge.addHealthSection("timing", () -> timingHealth(timing.summary()));
            meters.watchOutbox(outbox);
            meters.watchMqtt(bridge);
            LinkListener linkListener = new Router();
            this.links = new ArrayList<>();
            config.links().forEach(settings ->
                    links.add(Wiring.link(settings, network, clock, units::registry, linkListener,
                            StateDirectory.nativeLibDir(config, StateDirectory.of(config, env)), timing)));
            meters.watchLinks(links);
            MusterArchive archive = new MusterArchive(journal);
            this.drills = new LinkageDrills((musterId, report) -> bridge.publish("muster/" + musterId + "/linkage",
                    MqttJson.bytes(report), true, 1, Delivery.durable(musterId + "/linkage")));
            this.musters = new MusterService(core, clock, units::registry, links,
                    link -> EnumSet.allOf(CallMethod.class),
                    MusterListeners.of(new MusterPublisher(bridge, json), new JournaledAcks(journal, clock), drills,
                            new ReadinessPublisher(journal, bridge, clock, config.readiness().window(), core,
                                    background),
                            meters.musterMeters(units::registry)),
                    new MusterIds(new SecureRandom()), MusterService.DEFAULT_RETAINED_REPORTS,
                    new JournalMusterRecorder(journal, json, clock, meters.ackDurable()), archive::contains);
            this.recoveries = new Recoveries(musters, core, links, archive.running());
            new MusterRequests(musters, core, musterDefaults::get, json, archive).registerOn(bridge);
            new UnitRequests(units, core).registerOn(bridge);
            new LinkageRequests(musters, units, drills, core, musterDefaults::get, json).registerOn(bridge);
            musters.useGroups(groups);
            this.schedules = new MusterSchedules(config.schedules(), musterDefaults::get, musters, core, clock,
                    new SecureRandom());
            bridge.route("schedule/list", request -> CompletableFuture.supplyAsync(
                    () -> Reply.ok(ScheduleJson.document(schedules.list())), core));
            InfoPublisher info = new InfoPublisher(bridge, links, version, units::registry, schedules, config);
            info.refresh();
            this.live = new LiveConfig(config, core, clock, bridge, units, unitStore, musterDefaults, groups,
                    schedules, info);
            this.statusProbe = new StatusProbe(core, config.gateway().id(), version, clock, links, musters, units,
                    presence, bridge, journal, schedules::list);
        } catch (JournalException e) {
            journal.close();
            throw new GatewayStartException("cannot read the journal " + journal.file() + ": " + e.getMessage(), e);
        } catch (GatewayStartException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Builds everything and starts it. Returns once started; the broker and links connect in the background.
     *
     * @throws GatewayStartException when the journal cannot be opened or read (the message says how to fix it)
     */
    public static GatewayApp start(OutpostConfig config, UnitRegistry registry, GatewayClock clock, String version)
            throws GatewayStartException {
        GatewayApp app = new GatewayApp(config, registry, clock, version, System.getenv());
        app.bridge.start();
        for (Link link : app.links) {
            try {
                link.start();
            } catch (RuntimeException e) {
                // One broken link must not take the daemon down; its state says why.
                log.error("link {} failed to start: {}", link.id(), e.toString());
            }
        }
        app.core.execute(() -> {
            app.units.start();
            // Every unit's state, retained, so a platform connecting later sees the whole registry.
            app.units.list().forEach(app::publishUnitState);
        });
        app.statusServer = StatusServer.start(config.http(), app.statusProbe, app.meters);
        app.recoveries.begin();
        app.core.execute(app.schedules::start);
        app.mqttExecutor.scheduleWithFixedDelay(app.outbox::sweep, OUTBOX_SWEEP_SECONDS, OUTBOX_SWEEP_SECONDS,
                TimeUnit.SECONDS);
        log.info("gateway {} started: {} links, {} units, journal {}", config.gateway().id(), app.links.size(),
                app.units.registry().size(), app.journal.file());
        return app;
    }

    public List<Link> links() {
        return List.copyOf(links);
    }

    public String baseTopic() {
        return bridge.baseTopic();
    }

    /** Where the metrics, health and status-page server listens; empty when disabled or its port was taken. */
    public Optional<InetSocketAddress> httpAddress() {
        return statusServer == null ? Optional.empty() : statusServer.address();
    }

    /** The gateway's metrics (outbox depth and age, time for an ack to become durable, ...). */
    public GatewayMeters meters() {
        return meters;
    }

    /**
     * Applies a re-read, already checked config and registry (SIGHUP); see {@link LiveConfig#reload}.
     *
     * @throws JournalException when the stored unit changes cannot be read; nothing is changed then
     */
    public ReloadReport reload(OutpostConfig next, UnitRegistry nextRegistry) throws JournalException {
        return live.reload(next, nextRegistry);
    }

    /** A reload was refused (the new config has errors): retained on {@code <base>/config}; the running one stays. */
    public void reloadRejected(List<String> problems) {
        live.rejected(problems);
    }

    /** Whether the timestamping threads got the real-time priority asked for (see {@link TimingThreads}). */
    public TimingThreads.Summary timing() {
        return timing.summary();
    }

    private static ObjectNode timingHealth(TimingThreads.Summary t) {
        ObjectNode json = MqttJson.object();
        json.put("realtime", t.realtime());
        json.put("priority", t.priority());
        json.put("threads_raised", t.raised());
        json.put("threads_refused", t.refused());
        if (!t.refusal().isEmpty()) {
            json.put("refusal", t.refusal());
        }
        return json;
    }

    /**
     * Liveness for the service watchdog (read-only): passes through the network event loop, then the core thread,
     * where it completes with the number of musters running. It fails at once when the journal writer or a
     * thread pool has stopped; a hung thread never completes it.
     */
    public CompletableFuture<Integer> probeRunningMusters() {
        if (!journal.writerAlive() || network.isShuttingDown()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    journal.writerAlive() ? "network threads stopped" : "journal writer stopped"));
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try {
            network.next().execute(() -> core.execute(() -> result.complete(musters.running().size())));
        } catch (RuntimeException e) { // rejected: shutting down
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        if (statusServer != null) {
            statusServer.close();
        }
        for (Link link : links) {
            try {
                link.stop();
            } catch (RuntimeException e) {
                log.warn("link {} did not stop cleanly: {}", link.id(), e.toString());
            }
        }
        drainCore();
        core.close();
        flushJournal();
        bridge.close();
        mqttExecutor.shutdown();
        background.shutdown();
        network.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        awaitQuietly(mqttExecutor);
        awaitQuietly(background);
        journal.close();
        meters.close();
        log.info("gateway stopped");
    }

    /** Lets the core thread finish what links handed it while stopping (their final states, last events). */
    private void drainCore() {
        try {
            CompletableFuture.runAsync(() -> { }, core).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("core thread did not drain before shutdown: {}", e.toString());
        }
    }

    /** Waits (bounded) until every write queued so far is committed: a barrier through the single writer thread. */
    private void flushJournal() {
        try {
            journal.write(tx -> Boolean.TRUE).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("journal not flushed before publishing offline: {}", e.toString());
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the MQTT executor. The alarm is retained so that a platform connecting later still sees it. */
    private void onOutboxAlarm(OutboxAlarm alarm) {
        if (alarm.raised()) {
            log.error("outbox alarm raised: {} ({} evicted, {} waiting)", alarm.reason(), alarm.evicted(),
                    alarm.depth());
        }
        bridge.publish("alarm/outbox", Durability.alarmJson(alarm, clock), true, 1);
    }

    /**
     * Retained {@code unit/<id>/state}: the unit's registry row, lifecycle and leave. Durable and coalesced per unit:
     * at a start every unit's state goes out (27,000 in a city), and only each unit's latest one matters.
     */
    private void publishUnitState(UnitView view) {
        ObjectNode state = MqttJson.event(clock.wallNow());
        state.setAll(view.toJson());
        String topic = "unit/" + view.unit().unitId() + "/state";
        bridge.publish(topic, MqttJson.bytes(state), true, 1, Delivery.latestOf(topic));
    }

    /** Unit events that must not be lost: acks are evidence, status changes and SOS are operationally vital. */
    private static Delivery deliveryOf(UnitEvent event) {
        EventPayload p = event.payload();
        return p instanceof EventPayload.Ack || p instanceof EventPayload.Status || p instanceof EventPayload.Sos
                ? Delivery.durable(event.eventId()) : Delivery.bulkEvent();
    }

    /**
     * Fans what links see out to the muster service and to MQTT. Links call it on their network
     * thread, which must stay free to stamp the next frame's receive instant, so all work (matching,
     * JSON, publishing) is handed to the core thread.
     */
    private final class Router implements LinkListener {
        @Override
        public void onEvent(UnitEvent event) {
            core.execute(() -> {
                presence.onEvent(event);
                meters.countEvent(event);
                recoveries.onEvent(event);
                drills.onEvent(event);
                String topic = event.unitId().map(id -> "unit/" + id + "/event").orElse("unit/unknown/event");
                bridge.publish(topic, MqttJson.bytes(EventJson.unitEvent(event)), false, 1, deliveryOf(event));
            });
        }

        @Override
        public void onStatus(LinkStatus status) {
            core.execute(() -> {
                log.info("link {} is {}{}", status.linkId(), status.state().wireName(),
                        status.detail() == null ? "" : " (" + status.detail() + ")");
                presence.onLinkStatus(status);
                bridge.publish("link/" + status.linkId() + "/state", EventJson.linkStatus(status), true, 1);
                recoveries.onLinkStatus();
            });
        }
    }
}
