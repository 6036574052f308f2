package dev.outpost.gateway.mqtt.client;

import java.util.Locale;

/** The MQTT protocol versions the gateway speaks. MQTT 5 is the default; 3.1.1 serves older brokers and Moquette. */
public enum MqttProtocolVersion {
    V5("5"),
    V3_1_1("3.1.1");

    private final String label;

    MqttProtocolVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts {@code 5}, {@code 5.0}, {@code 3.1.1}, {@code 311} (as written in config). */
    public static MqttProtocolVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "5", "5.0", "v5" -> V5;
            case "3.1.1", "311", "v3.1.1", "3" -> V3_1_1;
            default -> throw new IllegalArgumentException("unknown MQTT version '" + text + "' (use 5 or 3.1.1)");
        };
    }
}
