package dev.outpost.config;

import java.util.Objects;

/**
 * A Kenwood radio's PC port reporting FleetSync PTT-IDs and statuses (docs/config.md, {@code type: fleetsync}).
 *
 * @param statuses what each two-digit status (10..99) means
 */
public record FleetSyncLinkSettings(String id, SerialPortSettings serial, StatusMeanings statuses)
        implements LinkSettings {

    public static final String TYPE = "fleetsync";

    public FleetSyncLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(statuses, "statuses");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
