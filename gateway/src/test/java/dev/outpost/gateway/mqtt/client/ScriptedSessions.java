package dev.outpost.gateway.mqtt.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory stand-in for Paho behind our own {@link PahoSession} seam, driven by the test. */
final class ScriptedSessions implements PahoSession.Factory {
    final BlockingQueue<Session> created = new LinkedBlockingQueue<>();
    volatile boolean brokerUp = true;
    /** When true, publishes stay unconfirmed until the test completes them. */
    volatile boolean holdPublishes;

    @Override
    public PahoSession create(MqttClientOptions options, Optional<OutboundMessage> will, PahoSession.Callbacks callbacks) {
        Session session = new Session(will, callbacks, brokerUp);
        created.add(session);
        return session;
    }

    Session next() throws InterruptedException {
        Session session = created.poll(10, TimeUnit.SECONDS);
        if (session == null) {
            throw new AssertionError("no connect attempt within 10 s");
        }
        return session;
    }

    final class Session implements PahoSession {
        final Optional<OutboundMessage> will;
        final PahoSession.Callbacks callbacks;
        final boolean accepts;
        final List<OutboundMessage> published = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> unconfirmed = new CopyOnWriteArrayList<>();
        volatile boolean ended;

        Session(Optional<OutboundMessage> will, PahoSession.Callbacks callbacks, boolean accepts) {
            this.will = will;
            this.callbacks = callbacks;
            this.accepts = accepts;
        }

        @Override
        public CompletableFuture<Void> connect() {
            return accepts ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IOException("Connection refused"));
        }

        @Override
        public CompletableFuture<Void> publish(OutboundMessage message) {
            published.add(message);
            if (!holdPublishes) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> pending = new CompletableFuture<>();
            unconfirmed.add(pending);
            return pending;
        }

        @Override
        public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void disconnect(Duration timeout) {
            ended = true;
        }

        @Override
        public void abort() {
            ended = true;
        }
    }
}
