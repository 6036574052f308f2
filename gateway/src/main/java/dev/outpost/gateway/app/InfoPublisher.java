package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.schedule.MusterSchedules;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps the retained {@code <base>/info} document current: set at start, after a reload, and whenever a routine
 * schedule's next start moves. Used on the core thread (where the schedules live).
 */
final class InfoPublisher {
    private final MqttBridge bridge;
    private final List<Link> links;
    private final String version;
    private final Supplier<UnitRegistry> registry;
    private final MusterSchedules schedules;
    private OutpostConfig running;

    InfoPublisher(MqttBridge bridge, List<Link> links, String version, Supplier<UnitRegistry> registry,
                  MusterSchedules schedules, OutpostConfig running) {
        this.bridge = bridge;
        this.links = links;
        this.version = version;
        this.registry = registry;
        this.schedules = schedules;
        this.running = running;
        schedules.onChange(this::refresh);
    }

    /** Publishes the document for the config now running; returns it. */
    ObjectNode publish(OutpostConfig now) {
        this.running = now;
        return refresh();
    }

    ObjectNode refresh() {
        ObjectNode info = Wiring.info(running, registry.get(), links, version, schedules.list());
        bridge.setInfo(info);
        return info;
    }
}
