package dev.outpost.gateway.mqtt.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.time.GatewayClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconnect loop and the hand-off, over scripted sessions (our own seam, not Paho). */
class ReconnectingMqttClientTest {
    private static final String EXECUTOR_THREAD = "port-test-executor";

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, EXECUTOR_THREAD));
    private final ScriptedSessions sessions = new ScriptedSessions();
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> callbackThreads = new LinkedBlockingQueue<>();
    private final ReconnectingMqttClient client = new ReconnectingMqttClient(
            MqttClientOptions.defaults("tcp://127.0.0.1:1", MqttProtocolVersion.V5, "gw")
                    .withReconnect(Duration.ofMillis(1), Duration.ofMillis(4)),
            sessions, GatewayClock.system(), () -> 0.5);

    @AfterEach
    void stop() throws InterruptedException {
        client.close();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    private void start() {
        client.start(new MqttPortListener() {
            @Override
            public void onMessage(InboundMessage message) {
                callbackThreads.add(Thread.currentThread().getName());
                seen.add(message);
            }

            @Override
            public void onConnectionEvent(ConnectionEvent event) {
                callbackThreads.add(Thread.currentThread().getName());
                seen.add(event);
            }

            @Override
            public Optional<OutboundMessage> willFor(int connectionNumber) {
                return Optional.of(OutboundMessage.of("will", new byte[] {(byte) connectionNumber}, 1, true));
            }
        }, executor);
    }

    private <T> T next(Class<T> type) throws InterruptedException {
        while (true) {
            Object event = seen.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    @Test
    void firstConnectFailingIsRetriedWithGrowingAttemptsUntilItWorks() throws Exception {
        sessions.brokerUp = false;
        start();

        assertEquals(1, next(ConnectionEvent.Reconnecting.class).attempt());
        assertEquals(2, next(ConnectionEvent.Reconnecting.class).attempt());
        sessions.brokerUp = true;

        assertEquals(1, next(ConnectionEvent.Connected.class).connectionNumber());
        ScriptedSessions.Session last = null;
        for (ScriptedSessions.Session s; (s = sessions.created.poll()) != null; ) {
            assertEquals(1, s.will.orElseThrow().payload()[0], "every attempt registers the will of connection 1");
            last = s;
        }
        assertTrue(last != null && last.accepts);
        assertTrue(callbackThreads.stream().allMatch(EXECUTOR_THREAD::equals));
    }

    @Test
    void sessionTakenOverIsCountedAndTheClientReconnects() throws Exception {
        start();
        ScriptedSessions.Session first = sessions.next();
        next(ConnectionEvent.Connected.class);

        first.callbacks.connectionLost("broker sent DISCONNECT reason 0x8e", true);

        assertTrue(next(ConnectionEvent.Lost.class).sessionTakenOver());
        assertEquals(2, next(ConnectionEvent.Connected.class).connectionNumber());
        assertEquals(1, client.stats().sessionTakeovers());
        assertTrue(first.ended, "the dead Paho client is released");
        assertEquals(2, sessions.next().will.orElseThrow().payload()[0], "the new will names connection 2");
    }

    @Test
    void publishAwaitingConfirmationFailsAsNotConnectedWhenTheConnectionDrops() throws Exception {
        sessions.holdPublishes = true;
        start();
        ScriptedSessions.Session first = sessions.next();
        next(ConnectionEvent.Connected.class);

        CompletableFuture<Void> publish = client.publish(OutboundMessage.of("t", new byte[0], 1, false));
        first.callbacks.connectionLost("Connection lost", false);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> publish.get(10, TimeUnit.SECONDS));
        assertInstanceOf(MqttNotConnectedException.class, failure.getCause());
    }

    @Test
    void publishWhileDisconnectedFailsAtOnce() {
        CompletableFuture<Void> publish = client.publish(OutboundMessage.of("t", new byte[0], 1, false));

        ExecutionException failure = assertThrows(ExecutionException.class, publish::get);
        assertInstanceOf(MqttNotConnectedException.class, failure.getCause());
    }

    @Test
    void messagesAreHandedToTheExecutorAndStaleSessionsAreIgnored() throws Exception {
        start();
        ScriptedSessions.Session first = sessions.next();
        next(ConnectionEvent.Connected.class);
        first.callbacks.connectionLost("Connection lost", false);
        next(ConnectionEvent.Connected.class);
        ScriptedSessions.Session second = sessions.next();

        first.callbacks.messageArrived(inbound("from-dead-session"));
        second.callbacks.messageArrived(inbound("live"));

        assertEquals("live", next(InboundMessage.class).topic());
        assertTrue(callbackThreads.stream().allMatch(EXECUTOR_THREAD::equals));
    }

    @Test
    void closeStopsReconnecting() throws Exception {
        start();
        ScriptedSessions.Session first = sessions.next();
        next(ConnectionEvent.Connected.class);

        client.close();
        first.callbacks.connectionLost("Connection lost", false);

        assertTrue(first.ended);
        assertEquals(null, sessions.created.poll(200, TimeUnit.MILLISECONDS), "no reconnect after close");
    }

    private static InboundMessage inbound(String topic) {
        return new InboundMessage(topic, new byte[0], 1, false, Optional.empty(), Optional.empty(), Map.of());
    }
}
