package dev.outpost.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The floor: a Paho MQTT 5 publisher sends QoS 1 messages of an ack event's size through the broker to a Paho
 * subscriber in the same JVM, at a fixed rate; each message's one-way latency is the subscriber's
 * {@code System.nanoTime()} at arrival minus the publisher's just before {@code publish}. Nothing of Outpost is on
 * this path, so it is what the broker, loopback TCP and the client library cost on this machine, now.
 */
final class FloorRun {
    private FloorRun() {
    }

    /** What one floor measurement gave. */
    record Result(int rate, long sent, long received, Latencies.Summary latency) {
    }

    /**
     * @param warmupMessages sent first and not measured
     * @param messages       measured
     */
    static Result measure(String brokerUrl, double rate, int payloadBytes, int warmupMessages, int messages)
            throws MqttException, InterruptedException {
        int total = warmupMessages + messages;
        long[] sentAt = new long[total];
        Arrays.fill(sentAt, Long.MIN_VALUE);
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        CountDownLatch all = new CountDownLatch(total);
        String topic = "bench/floor/" + UUID.randomUUID();
        MqttClient subscriber = BenchClients.subscriber(brokerUrl, "floor-sub", (t, message) -> {
            long now = System.nanoTime();
            int seq = sequence(message.getPayload());
            if (seq >= warmupMessages && seq < total && sentAt[seq] != Long.MIN_VALUE) {
                latencies.record(now - sentAt[seq]);
                received.incrementAndGet();
            }
            all.countDown();
        }, topic);
        MqttAsyncClient publisher = new MqttAsyncClient(brokerUrl, "floor-pub-" + UUID.randomUUID(),
                new MemoryPersistence());
        try {
            publisher.connect(BenchClients.options()).waitForCompletion(10_000);
            long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
            long start = System.nanoTime();
            for (int seq = 0; seq < total; seq++) {
                awaitInstant(start + seq * period);
                MqttMessage message = new MqttMessage(payload(seq, payloadBytes), 1, false, null);
                sentAt[seq] = System.nanoTime();
                publisher.publish(topic, message);
            }
            all.await(30, TimeUnit.SECONDS);
        } finally {
            disconnect(publisher);
            BenchClients.close(subscriber);
        }
        return new Result((int) Math.round(rate), messages, received.get(), latencies.summary());
    }

    /** Parks until {@code instant}; the last few µs are not worth a park (timer slack is ~50 µs). */
    static void awaitInstant(long instant) {
        long left;
        while ((left = instant - System.nanoTime()) > 0) {
            if (left > 60_000) {
                LockSupport.parkNanos(left - 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** {@code size} bytes (at least 12) starting with the zero-padded sequence number and a ';'. */
    static byte[] payload(int seq, int size) {
        byte[] bytes = new byte[Math.max(size, 12)];
        Arrays.fill(bytes, (byte) 'x');
        byte[] digits = String.format("%010d;", seq).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, bytes, 0, digits.length);
        return bytes;
    }

    static int sequence(byte[] payload) {
        return Integer.parseInt(new String(payload, 0, 10, StandardCharsets.US_ASCII));
    }

    private static void disconnect(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException ignored) {
            // closing after the measurement; nothing to report
        }
    }
}
