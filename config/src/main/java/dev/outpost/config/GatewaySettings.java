package dev.outpost.config;

import java.util.Objects;

/** Identity of this gateway; {@code id} appears in every MQTT topic. */
public record GatewaySettings(String id) {
    public GatewaySettings {
        Objects.requireNonNull(id, "id");
    }
}
