package dev.outpost.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The whole gateway configuration, as loaded from one YAML file ({@code source}). */
public record OutpostConfig(
        Path source,
        GatewaySettings gateway,
        MqttSettings mqtt,
        UnitsSettings units,
        List<LinkSettings> links,
        MusterDefaults muster,
        StorageSettings storage,
        ReadinessSettings readiness,
        List<ScheduleSettings> schedules,
        GroupSettings groups,
        LogSettings log,
        HttpSettings http,
        TimingSettings timing) {

    public OutpostConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(units, "units");
        links = List.copyOf(links);
        Objects.requireNonNull(muster, "muster");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(readiness, "readiness");
        schedules = List.copyOf(schedules);
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(timing, "timing");
    }

    public Optional<LinkSettings> link(String id) {
        return links.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
