package dev.outpost.gateway.mqtt.client;

import java.util.Optional;

/** Receives what an {@link MqttPort} sees. Every call arrives on the executor given to {@link MqttPort#start}. */
public interface MqttPortListener {

    void onMessage(InboundMessage message);

    void onConnectionEvent(ConnectionEvent event);

    /**
     * The will (last-will-and-testament) to register with the connection about to be made. Asked before every
     * connect attempt, so the will can name the connection it belongs to.
     */
    default Optional<OutboundMessage> willFor(int connectionNumber) {
        return Optional.empty();
    }
}
