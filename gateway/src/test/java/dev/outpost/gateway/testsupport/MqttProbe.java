package dev.outpost.gateway.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * An external MQTT 5 consumer for tests: a plain Paho client (not our code) that records everything it receives,
 * so tests see the gateway the way a dashboard or a script would.
 */
public final class MqttProbe implements AutoCloseable {

    /** A message as the probe received it. */
    public record Received(String topic, byte[] payload, boolean retained, Optional<byte[]> correlationData) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private MqttProbe(String url) throws MqttException {
        client = new MqttClient(url, "probe-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                record(topic, message);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        client.connect(options);
    }

    private void record(String topic, MqttMessage message) {
        MqttProperties props = message.getProperties();
        Optional<byte[]> correlation = props == null ? Optional.empty() : Optional.ofNullable(props.getCorrelationData());
        synchronized (received) {
            received.add(new Received(topic, message.getPayload(), message.isRetained(), correlation));
            received.notifyAll();
        }
    }

    public static MqttProbe connect(String url) throws MqttException {
        return new MqttProbe(url);
    }

    /** Subscribes at QoS 1; returns once the broker granted it. */
    public MqttProbe subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
        return this;
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, new MqttMessage(payload, 1, retained, new MqttProperties()));
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    /** An MQTT 5 request with Response Topic and Correlation Data. */
    public void request(String topic, String payload, String responseTopic, byte[] correlation) throws MqttException {
        MqttProperties props = new MqttProperties();
        props.setResponseTopic(responseTopic);
        props.setCorrelationData(correlation);
        client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, props));
    }

    /** Waits (bounded) for the first received message that matches; fails the test with what did arrive. */
    public Received await(Predicate<Received> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (wanted.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + limit + "; received: " + describe());
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public Received awaitOn(String topic, Duration limit) throws InterruptedException {
        return await(r -> r.topic().equals(topic), limit);
    }

    /** Everything received on {@code topic} so far. */
    public List<Received> receivedOn(String topic) {
        synchronized (received) {
            return received.stream().filter(r -> r.topic().equals(topic)).toList();
        }
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (Received r : received) {
            text.append("\n  ").append(r.topic()).append(r.retained() ? " (retained) " : " ").append(r.text());
        }
        return text.length() == 0 ? "nothing" : text.toString();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the test is over; nothing useful to do with a failed probe disconnect
        }
    }
}
