package dev.outpost.gateway.app;

import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.client.ReconnectingMqttClient;
import dev.outpost.gateway.time.ExecutorTaskScheduler;
import dev.outpost.gateway.time.GatewayClock;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * <p>Start order: MQTT bridge (connects in the background, never blocks start), then the links.
 * Stop order: links (stop intake), then the core thread (musters), then the bridge (publishes
 * {@code offline}), then the network threads.
 */
public final class GatewayApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayApp.class);

    private final ExecutorTaskScheduler core;
    private final ScheduledExecutorService mqttExecutor;
    private final EventLoopGroup network;
    private final MqttBridge bridge;
    private final List<Link> links;
    private final MusterService musters;
    private final AtomicReference<UnitRegistry> registry;

    private GatewayApp(OutpostConfig config, UnitRegistry initialRegistry, GatewayClock clock, String version) {
        this.registry = new AtomicReference<>(initialRegistry);
        this.core = new ExecutorTaskScheduler("outpost-core");
        this.mqttExecutor = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("outpost-mqtt", true));
        this.network = new NioEventLoopGroup(1, new DefaultThreadFactory("outpost-net", true));
        MusterReportWriter json = new MusterReportWriter();

        this.bridge = new MqttBridge(Wiring.bridgeOptions(config, version),
                ReconnectingMqttClient.create(Wiring.clientOptions(config), clock), mqttExecutor, clock);
        LinkListener linkListener = new Router();
        this.links = new ArrayList<>();
        config.links().forEach(settings -> links.add(Wiring.link(settings, network, clock, registry::get, linkListener)));
        this.musters = new MusterService(core, clock, registry::get, links, new MusterPublisher(bridge, json));

        new MusterRequests(musters, core, config.muster(), json).registerOn(bridge);
        bridge.setInfo(Wiring.info(config, initialRegistry, links, version));
    }

    /** Builds everything and starts it. Returns once started; the broker and links connect in the background. */
    public static GatewayApp start(OutpostConfig config, UnitRegistry registry, GatewayClock clock, String version) {
        GatewayApp app = new GatewayApp(config, registry, clock, version);
        app.bridge.start();
        for (Link link : app.links) {
            try {
                link.start();
            } catch (RuntimeException e) {
                // One broken link must not take the daemon down; its state says why.
                log.error("link {} failed to start: {}", link.id(), e.toString());
            }
        }
        log.info("gateway {} started: {} links, {} units", config.gateway().id(), app.links.size(), registry.size());
        return app;
    }

    public List<Link> links() {
        return List.copyOf(links);
    }

    public String baseTopic() {
        return bridge.baseTopic();
    }

    @Override
    public void close() {
        for (Link link : links) {
            try {
                link.stop();
            } catch (RuntimeException e) {
                log.warn("link {} did not stop cleanly: {}", link.id(), e.toString());
            }
        }
        drainCore();
        core.close();
        bridge.close();
        mqttExecutor.shutdown();
        network.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        awaitQuietly(mqttExecutor);
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

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                musters.onEvent(event);
                String topic = event.unitId().map(id -> "unit/" + id + "/event").orElse("unit/unknown/event");
                bridge.publish(topic, EventJson.unitEvent(event), false, 1);
            });
        }

        @Override
        public void onStatus(LinkStatus status) {
            core.execute(() -> {
                log.info("link {} is {}{}", status.linkId(), status.state().wireName(),
                        status.detail() == null ? "" : " (" + status.detail() + ")");
                bridge.publish("link/" + status.linkId() + "/state", EventJson.linkStatus(status), true, 1);
            });
        }
    }
}
