package dev.outpost.gateway.mqtt.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MQTT 3.1.1 adapter over Paho's async client. No properties: correlation data and user properties drop. */
final class Paho3Session implements PahoSession {
    private static final Logger log = LoggerFactory.getLogger(Paho3Session.class);

    private final MqttAsyncClient client;
    private final MqttConnectOptions connectOptions;

    Paho3Session(MqttClientOptions options, Optional<OutboundMessage> will, Callbacks callbacks) throws Exception {
        client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        connectOptions = new MqttConnectOptions();
        connectOptions.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // Clean session for the same reasons as the MQTT 5 adapter: no stale commands, no state mismatch.
        connectOptions.setCleanSession(true);
        connectOptions.setAutomaticReconnect(false);
        connectOptions.setMaxInflight(options.maxInflight());
        connectOptions.setKeepAliveInterval((int) options.keepAlive().toSeconds());
        connectOptions.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
        connectOptions.setSocketFactory(NoDelaySocketFactories.forUri(options.serverUri(), options.caFile()));
        options.username().ifPresent(connectOptions::setUserName);
        options.password().ifPresent(p -> connectOptions.setPassword(p.clone()));
        will.ifPresent(w -> connectOptions.setWill(w.topic(), w.payload(), w.qos(), w.retained()));
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectionLost(Throwable cause) {
                callbacks.connectionLost(PahoFailures.describe(cause), false);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                callbacks.messageArrived(new InboundMessage(topic, message.getPayload(), message.getQos(),
                        message.isRetained(), Optional.empty(), Optional.empty(), Map.of()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}
        });
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.connect(connectOptions, null, completing(done, false));
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(message.topic(), message.payload(), message.qos(), message.retained(), null,
                    completing(done, false));
        } catch (MqttException e) {
            return PahoFailures.failed(PahoFailures.translate(e.getReasonCode(), e));
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.subscribe(topicFilter, qos, null, completing(done, true));
        } catch (MqttException e) {
            return PahoFailures.failed(PahoFailures.translate(e.getReasonCode(), e));
        }
        return done;
    }

    @Override
    public void disconnect(Duration timeout) {
        PahoFailures.quietly(log, "MQTT 3.1.1 disconnect", () -> {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
            }
        });
        abort();
    }

    @Override
    public void abort() {
        PahoFailures.quietly(log, "MQTT 3.1.1 forced disconnect", () -> client.disconnectForcibly(0, 1, false));
        PahoFailures.quietly(log, "MQTT 3.1.1 close", () -> client.close(true));
    }

    private static IMqttActionListener completing(CompletableFuture<Void> done, boolean checkGrants) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] granted = token.getGrantedQos();
                if (checkGrants && granted != null && java.util.Arrays.stream(granted).anyMatch(q -> q == 0x80)) {
                    done.completeExceptionally(new IllegalStateException("broker refused the subscription"));
                } else {
                    done.complete(null);
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                int code = failure instanceof MqttException e ? e.getReasonCode() : -1;
                done.completeExceptionally(PahoFailures.translate(code, failure));
            }
        };
    }
}
