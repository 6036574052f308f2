package dev.outpost.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The Paho MQTT 5 async publisher of {@link FloorRun}, with the same bounded window as the Netty client: a permit
 * per unacknowledged message, returned by the delivery callback. Paho also refuses a publish beyond the broker's
 * Receive Maximum (reason 32202, counted before our callback runs); that publish is retried after a short park.
 */
final class PahoPublisher implements FloorClient.Publisher {
    private final MqttAsyncClient client;
    private final int window;
    private final Semaphore free;
    private final LongAdder rejected = new LongAdder();
    private final MqttActionListener onDelivery = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            free.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            rejected.increment();
            free.release();
        }
    };

    PahoPublisher(String brokerUrl, String clientId, int window) throws MqttException {
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.window = window;
        this.free = new Semaphore(window);
        client.connect(BenchClients.options()).waitForCompletion(10_000);
    }

    @Override
    public void publish(String topic, byte[] payload) throws Exception {
        free.acquire();
        MqttMessage message = new MqttMessage(payload, 1, false, null);
        while (true) {
            try {
                client.publish(topic, message, null, onDelivery);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    free.release();
                    throw e;
                }
                LockSupport.parkNanos(20_000);
            }
        }
    }

    @Override
    public boolean awaitAcknowledged(long timeoutMillis) throws InterruptedException {
        if (!free.tryAcquire(window, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        free.release(window);
        return true;
    }

    @Override
    public long rejected() {
        return rejected.sum();
    }

    @Override
    public String threadMarker() {
        return client.getClientId();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
