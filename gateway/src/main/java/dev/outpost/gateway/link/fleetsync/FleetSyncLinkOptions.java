package dev.outpost.gateway.link.fleetsync;

import dev.outpost.config.StatusMeanings;
import dev.outpost.gateway.link.serial.SerialDriverOptions;
import dev.outpost.gateway.link.serial.SerialEndpoint;
import dev.outpost.gateway.link.serial.SerialSettings;
import java.util.Objects;

/** Everything a {@link FleetSyncLink} needs; {@code statuses} are the fleet's two-digit status meanings. */
public record FleetSyncLinkOptions(String id, SerialEndpoint endpoint, SerialSettings serial,
        SerialDriverOptions driver, StatusMeanings statuses) {
    public FleetSyncLinkOptions {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(statuses, "statuses");
    }
}
