package dev.outpost.bench.load;

import dev.outpost.bench.mqtt.NettyMqttClient;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttClient;

/**
 * The MQTT clients the client floor compares (issue 8), each as a QoS 1 publisher and a QoS 1 subscriber of the
 * same shape: Paho MQTT 5 exactly as {@link FloorRun} uses it, and the minimal Netty client.
 */
enum FloorClient {
    PAHO {
        @Override
        Publisher publisher(String brokerUrl, int window) throws Exception {
            return new PahoPublisher(brokerUrl, "floor-pub-" + UUID.randomUUID(), window);
        }

        @Override
        Subscriber subscriber(String brokerUrl, String topic, Consumer<byte[]> onPayload) throws Exception {
            MqttClient client = BenchClients.subscriber(brokerUrl, "floor-sub",
                    (t, message) -> onPayload.accept(message.getPayload()), topic);
            return new Subscribed(client.getClientId(), () -> BenchClients.close(client));
        }
    },
    NETTY {
        @Override
        Publisher publisher(String brokerUrl, int window) throws Exception {
            NettyMqttClient client = NettyMqttClient.connect(brokerUrl, "floor-pub-" + UUID.randomUUID(), window,
                    (topic, payload) -> { });
            return new Publisher() {
                @Override
                public void publish(String topic, byte[] payload) throws Exception {
                    client.publish(topic, payload);
                }

                @Override
                public boolean awaitAcknowledged(long timeoutMillis) throws InterruptedException {
                    return client.awaitAcknowledged(timeoutMillis);
                }

                @Override
                public long rejected() {
                    return client.rejected();
                }

                @Override
                public String threadMarker() {
                    return NettyMqttClient.THREAD_PREFIX + client.clientId();
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }

        @Override
        Subscriber subscriber(String brokerUrl, String topic, Consumer<byte[]> onPayload) throws Exception {
            NettyMqttClient client = NettyMqttClient.connect(brokerUrl, "floor-sub-" + UUID.randomUUID(),
                    MAX_WINDOW, (t, payload) -> onPayload.accept(payload));
            client.subscribe(topic);
            return new Subscribed(NettyMqttClient.THREAD_PREFIX + client.clientId(), client::close);
        }
    };

    /** The window bound of MQTT itself: packet identifiers are 16 bits, 0 excluded. */
    static final int MAX_WINDOW = 65_535;

    /** Connects a publisher with at most {@code window} unacknowledged messages. */
    abstract Publisher publisher(String brokerUrl, int window) throws Exception;

    /** Connects and subscribes at QoS 1 to {@code topic}; {@code onPayload} runs on the client's thread. */
    abstract Subscriber subscriber(String brokerUrl, String topic, Consumer<byte[]> onPayload) throws Exception;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A QoS 1 publisher whose {@code publish} blocks while its in-flight window is full. */
    interface Publisher extends AutoCloseable {
        void publish(String topic, byte[] payload) throws Exception;

        /** Waits until every publish so far is acknowledged; false on timeout. */
        boolean awaitAcknowledged(long timeoutMillis) throws InterruptedException;

        /** Publishes the broker acknowledged with an error. */
        long rejected();

        /** A string in the name of every thread of this client, for its CPU time. */
        String threadMarker();
    }

    /** A QoS 1 subscriber, connected and subscribed. */
    interface Subscriber extends AutoCloseable {
        /** A string in the name of every thread of this client, for its CPU time. */
        String threadMarker();
    }

    /** A subscriber is only its threads' marker and how to close it. */
    private record Subscribed(String threadMarker, AutoCloseable closer) implements Subscriber {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }
}
