package dev.outpost.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The platform's side: a plain Paho MQTT 5 client subscribed at QoS 1 to one gateway's muster acks, muster
 * results and request replies. An ack is stamped with {@code System.nanoTime()} first thing on arrival and kept
 * undecoded, so the callback stays as cheap as the floor's.
 */
final class AckListener implements AutoCloseable {
    /** An ack message as it arrived: its topic, payload and arrival instant. */
    record Arrival(String topic, byte[] payload, long receivedAt) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final String base;
    private final List<Arrival> acks = new ArrayList<>(1 << 16);
    private final BlockingQueue<Arrival> others = new LinkedBlockingQueue<>();

    AckListener(String brokerUrl, String base) throws MqttException {
        this.base = base;
        this.client = BenchClients.subscriber(brokerUrl, "bench-platform", this::onMessage,
                base + "/muster/+/ack", base + "/muster/+/result", base + "/response/#", base + "/link/+/state");
    }

    private void onMessage(String topic, MqttMessage message) {
        if (topic.endsWith("/ack")) {
            onAck(topic, message);
        } else {
            onOther(topic, message);
        }
    }

    private void onAck(String topic, MqttMessage message) {
        long now = System.nanoTime();
        synchronized (acks) {
            acks.add(new Arrival(topic, message.getPayload(), now));
        }
    }

    private void onOther(String topic, MqttMessage message) {
        others.add(new Arrival(topic, message.getPayload(), System.nanoTime()));
    }

    void publish(String suffix, String json) throws MqttException {
        client.publish(base + "/" + suffix, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Waits (bounded) for a non-ack message on {@code topic} whose text contains {@code marker}. */
    Arrival await(String topic, String marker, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Arrival> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Arrival next = left > 0 ? others.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    throw new IllegalStateException("nothing on " + topic + " containing " + marker + " within "
                            + unit.toSeconds(timeout) + " s");
                }
                if (next.topic().equals(topic) && next.text().contains(marker)) {
                    return next;
                }
                skipped.add(next);
            }
        } finally {
            others.addAll(skipped);
        }
    }

    /** Takes every ack received so far. */
    List<Arrival> drainAcks() {
        synchronized (acks) {
            List<Arrival> taken = new ArrayList<>(acks);
            acks.clear();
            return taken;
        }
    }

    @Override
    public void close() throws MqttException {
        BenchClients.close(client);
    }
}
