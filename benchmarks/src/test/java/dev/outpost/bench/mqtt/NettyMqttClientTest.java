package dev.outpost.bench.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.bench.load.BenchBroker;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Netty benchmark client against a real Mosquitto on loopback: correctness only, never a time. */
class NettyMqttClientTest {
    /** More than 65,535, so packet identifiers wrap around while some are still in flight. */
    private static final int MESSAGES = 70_000;

    @Test
    void everyQos1MessageArrivesOnceAndIsAcknowledged() throws Exception {
        AtomicIntegerArray arrivals = new AtomicIntegerArray(MESSAGES);
        AtomicLong foreign = new AtomicLong();
        CountDownLatch all = new CountDownLatch(MESSAGES);
        try (BenchBroker broker = BenchBroker.launch();
             NettyMqttClient subscriber = NettyMqttClient.connect(broker.url(), "test-sub", 65_535, (topic, payload) -> {
                 int seq = ByteBuffer.wrap(payload).getInt();
                 if (topic.equals("test/roundtrip") && seq >= 0 && seq < MESSAGES) {
                     arrivals.incrementAndGet(seq);
                     all.countDown();
                 } else {
                     foreign.incrementAndGet();
                 }
             });
             NettyMqttClient publisher = NettyMqttClient.connect(broker.url(), "test-pub", 1_000, (t, p) -> { })) {
            subscriber.subscribe("test/#");
            assertEquals(1_000, publisher.window(), "Mosquitto allows 65,535 in flight, so the asked window holds");
            for (int seq = 0; seq < MESSAGES; seq++) {
                publisher.publish("test/roundtrip", ByteBuffer.allocate(64).putInt(seq).array());
            }
            assertTrue(all.await(60, TimeUnit.SECONDS), "all arrived; missing " + all.getCount());
            assertTrue(publisher.awaitAcknowledged(30_000), "every publish acknowledged");
            assertEquals(MESSAGES, publisher.acknowledged());
            assertEquals(0, publisher.rejected());
        }
        for (int seq = 0; seq < MESSAGES; seq++) {
            assertEquals(1, arrivals.get(seq), "message " + seq + " arrived once");
        }
        assertEquals(0, foreign.get(), "nothing but what was published");
    }

    @Test
    void aRefusedConnackIsAClearError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread fakeBroker = new Thread(() -> refuseOne(server), "fake-broker");
            fakeBroker.start();
            IOException refused = assertThrows(IOException.class, () -> NettyMqttClient.connect(
                    "tcp://127.0.0.1:" + server.getLocalPort(), "test-refused", 10, (t, p) -> { }));
            assertTrue(refused.getMessage().contains("refused the connection")
                    && refused.getMessage().contains("NOT_AUTHORIZED"), refused.getMessage());
            fakeBroker.join(5_000);
        }
    }

    /** Reads a CONNECT, answers an MQTT 5 CONNACK with reason 0x87 (not authorized), and hangs up. */
    private static void refuseOne(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            in.read(); // fixed header byte of CONNECT
            int remaining = 0;
            for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
                b = in.read();
                remaining |= (b & 0x7F) << shift;
            }
            in.readNBytes(remaining);
            socket.getOutputStream().write(new byte[] {0x20, 0x03, 0x00, (byte) 0x87, 0x00});
            socket.getOutputStream().flush();
            in.read(); // until the client closes
        } catch (IOException ignored) {
            // the client closing first is fine
        }
    }
}
