package dev.outpost.gateway.mqtt.client;

/** A publish or subscribe could not be (or was not confirmed to be) done because there is no connection. */
public final class MqttNotConnectedException extends RuntimeException {
    public MqttNotConnectedException(String message) {
        super(message, null, false, false);
    }
}
