package dev.outpost.config;

/** MQTT protocol version spoken to the broker. */
public enum MqttVersion {
    V5("5"), V3_1_1("3.1.1");

    private final String configName;

    MqttVersion(String configName) {
        this.configName = configName;
    }

    /** The spelling used in the config file. */
    public String configName() {
        return configName;
    }
}
