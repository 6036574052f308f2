package dev.outpost.gateway.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A platform that must not miss anything: an MQTT 3.1.1 client with a persistent session (clean session off) and
 * QoS 1 subscriptions, reconnecting by itself after the broker goes away. It keeps every message it receives,
 * duplicates included, so a test can count lost and duplicated ones.
 */
public final class DurableSubscriber implements AutoCloseable {
    /** One delivery, as received. */
    public record Message(String topic, String text) {
    }

    private final MqttClient client;
    private final List<Message> received = new ArrayList<>();

    private DurableSubscriber(String url, String clientId, List<String> filters) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        options.setConnectionTimeout(5);
        options.setMaxInflight(1_000);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (received) {
                    received.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
                    received.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        for (String filter : filters) {
            client.subscribe(filter, 1);
        }
    }

    /** Connects with a new client id and subscribes; the session then outlives disconnects and broker restarts. */
    public static DurableSubscriber connect(String url, List<String> filters) throws MqttException {
        return new DurableSubscriber(url, "durable-" + UUID.randomUUID(), filters);
    }

    public List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits (bounded) for a message matching {@code wanted}. */
    public Message await(Predicate<Message> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (true) {
                for (Message m : received) {
                    if (wanted.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no wanted message within " + limit + "; " + received.size()
                            + " received");
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the broker may be gone already; nothing to clean up then
        }
    }
}
