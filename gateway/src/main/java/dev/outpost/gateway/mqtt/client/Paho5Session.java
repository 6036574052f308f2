package dev.outpost.gateway.mqtt.client;

import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MQTT 5 adapter over Paho's async client. */
final class Paho5Session implements PahoSession {
    private static final Logger log = LoggerFactory.getLogger(Paho5Session.class);
    private static final int SESSION_TAKEN_OVER = 0x8E;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions connectOptions;

    Paho5Session(MqttClientOptions options, Optional<OutboundMessage> will, Callbacks callbacks) throws Exception {
        client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        connectOptions = new MqttConnectionOptions();
        // Clean start with no session expiry: requests queued at the broker while we were away would be stale
        // commands, and our in-memory state cannot match a broker-held session after a restart anyway.
        connectOptions.setCleanStart(true);
        connectOptions.setSessionExpiryInterval(0L);
        connectOptions.setAutomaticReconnect(false);
        connectOptions.setKeepAliveInterval((int) options.keepAlive().toSeconds());
        connectOptions.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
        connectOptions.setSocketFactory(NoDelaySocketFactories.forUri(options.serverUri(), options.caFile()));
        options.username().ifPresent(connectOptions::setUserName);
        options.password().ifPresent(p -> connectOptions.setPassword(utf8(p)));
        will.ifPresent(w -> {
            connectOptions.setWill(w.topic(), toPaho(w));
            connectOptions.setWillMessageProperties(properties(w));
        });
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                String cause = response.getException() != null
                        ? PahoFailures.describe(response.getException())
                        : "broker sent DISCONNECT reason 0x" + Integer.toHexString(response.getReturnCode())
                                + (response.getReasonString() == null ? "" : " " + response.getReasonString());
                callbacks.connectionLost(cause, response.getReturnCode() == SESSION_TAKEN_OVER);
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("MQTT 5 protocol error: {}", PahoFailures.describe(exception));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                callbacks.messageArrived(toInbound(topic, message));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.connect(connectOptions, null, completing(done));
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(message.topic(), toPaho(message), null, completing(done));
        } catch (MqttException e) {
            return PahoFailures.failed(PahoFailures.translate(e.getReasonCode(), e));
        }
        return done;
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.subscribe(topicFilter, qos, null, completing(done));
        } catch (MqttException e) {
            return PahoFailures.failed(PahoFailures.translate(e.getReasonCode(), e));
        }
        return done;
    }

    @Override
    public void disconnect(Duration timeout) {
        PahoFailures.quietly(log, "MQTT 5 disconnect", () -> {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis());
            }
        });
        abort();
    }

    @Override
    public void abort() {
        PahoFailures.quietly(log, "MQTT 5 forced disconnect", () -> client.disconnectForcibly(0, 1, false));
        PahoFailures.quietly(log, "MQTT 5 close", () -> client.close(true));
    }

    /** Success with a reason code of 0x80 or more (refused subscription, rejected publish) is a failure. */
    private static MqttActionListener completing(CompletableFuture<Void> done) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
                    done.completeExceptionally(new IllegalStateException(
                            "broker refused: reason codes " + Arrays.toString(codes)));
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

    private static MqttMessage toPaho(OutboundMessage message) {
        return new MqttMessage(message.payload(), message.qos(), message.retained(), properties(message));
    }

    private static MqttProperties properties(OutboundMessage message) {
        MqttProperties properties = new MqttProperties();
        message.correlationData().ifPresent(properties::setCorrelationData);
        if (!message.userProperties().isEmpty()) {
            List<UserProperty> list = new ArrayList<>();
            message.userProperties().forEach((k, v) -> list.add(new UserProperty(k, v)));
            properties.setUserProperties(list);
        }
        return properties;
    }

    private static InboundMessage toInbound(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        Map<String, String> user = new LinkedHashMap<>();
        Optional<String> responseTopic = Optional.empty();
        Optional<byte[]> correlation = Optional.empty();
        if (properties != null) {
            if (properties.getUserProperties() != null) {
                properties.getUserProperties().forEach(p -> user.put(p.getKey(), p.getValue()));
            }
            responseTopic = Optional.ofNullable(properties.getResponseTopic());
            correlation = Optional.ofNullable(properties.getCorrelationData());
        }
        return new InboundMessage(topic, message.getPayload(), message.getQos(), message.isRetained(),
                responseTopic, correlation, user);
    }

    private static byte[] utf8(char[] secret) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
