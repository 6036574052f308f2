package dev.outpost.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.mqtt.client.ConnectionEvent;
import dev.outpost.gateway.mqtt.client.InboundMessage;
import dev.outpost.gateway.mqtt.client.MqttPort;
import dev.outpost.gateway.mqtt.client.MqttPortListener;
import dev.outpost.gateway.mqtt.client.MqttPortStats;
import dev.outpost.gateway.mqtt.client.OutboundMessage;
import dev.outpost.gateway.time.GatewayClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's MQTT API: status and info, publishing for other features (queued while disconnected), and
 * requests routed through a table with replies in the {@code {status,data,error,transaction}} shape.
 *
 * <p>Build it with a port and the executor it must use, {@link #route} the actions, {@link #setInfo}, then
 * {@link #start}. Call {@link #close} from outside the executor (it waits briefly for the offline status).
 */
public final class MqttBridge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);

    private final MqttBridgeOptions options;
    private final MqttPort port;
    private final ScheduledExecutorService executor;
    private final GatewayClock clock;
    private final String base;
    private final Instant startedAt;
    private final long startedNanos;
    private final StatusMessages status;
    private final PublishPump pump;
    private final TransactionCache transactions;
    private final RequestRouter router;
    private final RequestIntake intake;
    private final AtomicReference<ObjectNode> info = new AtomicReference<>();
    private final Map<String, Supplier<JsonNode>> healthSections = new ConcurrentSkipListMap<>();
    private volatile int session;

    public MqttBridge(MqttBridgeOptions options, MqttPort port, ScheduledExecutorService executor,
                      GatewayClock clock) {
        this(options, port, executor, clock, new InMemoryOutboundBuffer(options.queueCapacity()));
    }

    /** @param buffer where outgoing messages wait: in memory now, the journal later */
    public MqttBridge(MqttBridgeOptions options, MqttPort port, ScheduledExecutorService executor,
                      GatewayClock clock, OutboundBuffer buffer) {
        this.options = options;
        this.port = port;
        this.executor = executor;
        this.clock = clock;
        this.base = options.base();
        this.startedAt = clock.wallNow();
        this.startedNanos = clock.monotonicNanos();
        this.status = new StatusMessages(base, options.version(), startedAt, clock);
        this.pump = new PublishPump(port, buffer, options.maxInFlight(), () -> clock.wallNow().toEpochMilli());
        this.transactions = new TransactionCache(clock, options.transactionTtl(), options.transactionCacheSize());
        this.router = new RequestRouter(transactions);
        this.intake = new RequestIntake(base, new RequestDecoder(options.maxRequestBytes()), router, pump, clock);
        router.route("health", request -> CompletableFuture.completedFuture(Reply.ok(health())));
    }

    /** Adds or replaces the handler of {@code <base>/request/<action>}. {@code health} has a built-in one. */
    public void route(String action, RequestHandler handler) {
        router.route(action, handler);
    }

    /** Adds a section to the {@code health} reply (e.g. the outbox's depth), computed when asked. */
    public void addHealthSection(String name, Supplier<JsonNode> section) {
        healthSections.put(name, section);
    }

    /** Sets the retained {@code <base>/info} document; published now if connected and on every connect. */
    public void setInfo(ObjectNode document) {
        info.set(document.deepCopy());
        if (port.isConnected()) {
            pump.submit(infoMessage(), Delivery.bestEffort());
        }
    }

    /** Starts connecting; the first connect may fail and is retried with backoff, never fatally. */
    public void start() {
        port.start(new PortListener(), executor);
    }

    /** Publishes {@code payload} as JSON on {@code <base>/<topicSuffix>}. */
    public CompletableFuture<Void> publish(String topicSuffix, JsonNode payload, boolean retained, int qos) {
        return publish(topicSuffix, MqttJson.bytes(payload), retained, qos);
    }

    /**
     * Publishes on {@code <base>/<topicSuffix>}, now or after the next connect. The future completes when the broker
     * confirmed (QoS 1) or the message was sent (QoS 0); it fails if the queue overflowed and dropped it.
     */
    public CompletableFuture<Void> publish(String topicSuffix, byte[] payload, boolean retained, int qos) {
        return publish(topicSuffix, payload, retained, qos, Delivery.bestEffort());
    }

    /** As above, with the given delivery terms (durable messages go through the journal's outbox, if there is one). */
    public CompletableFuture<Void> publish(String topicSuffix, byte[] payload, boolean retained, int qos,
                                           Delivery delivery) {
        if (topicSuffix.isEmpty() || topicSuffix.startsWith("/") || topicSuffix.endsWith("/")
                || topicSuffix.contains("+") || topicSuffix.contains("#") || qos < 0 || qos > 2) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "cannot publish to suffix '" + topicSuffix + "' with QoS " + qos));
        }
        return pump.submit(new OutboundMessage(base + "/" + topicSuffix, payload, qos, retained, Optional.empty(),
                StatusMessages.SCHEMA), delivery);
    }

    /** {@code <prefix>/<gateway id>} */
    public String baseTopic() {
        return base;
    }

    public MqttBridgeStats stats() {
        return new MqttBridgeStats(session, pump.queued(), pump.dropped(), pump.failed(), pump.delivered(),
                intake.answered(), intake.ignoredRetained(), transactions.hits(), port.stats());
    }

    /** Messages handed to the client and awaiting the broker's confirmation (PUBACK for QoS 1) now. */
    public int inFlight() {
        return pump.inFlight();
    }

    /** Tells {@code elapsedNanos}, for each confirmed publish, its time from send to confirmation (for metrics). */
    public void timePublishConfirmations(LongConsumer elapsedNanos) {
        pump.timeConfirmations(clock::monotonicNanos, elapsedNanos);
    }

    /** The data of the built-in {@code health} reply; a richer handler may embed it. */
    public ObjectNode health() {
        MqttBridgeStats stats = stats();
        MqttPortStats link = stats.port();
        ObjectNode data = MqttJson.object();
        data.put("state", "online");
        data.put("version", options.version());
        data.put("api", MqttBridgeOptions.API_VERSION);
        data.put("started_at", MqttJson.timestamp(startedAt));
        data.put("uptime_ms", Duration.ofNanos(clock.monotonicNanos() - startedNanos).toMillis());
        ObjectNode mqtt = data.putObject("mqtt");
        mqtt.put("protocol", port.version().label());
        mqtt.put("connected", link.connected());
        mqtt.put("session", stats.session());
        mqtt.put("connection_losses", link.connectionLosses());
        mqtt.put("session_takeovers", link.sessionTakeovers());
        mqtt.put("suspected_takeovers", link.suspectedTakeovers());
        ObjectNode queue = data.putObject("queue");
        queue.put("waiting", stats.queued());
        queue.put("dropped", stats.dropped());
        queue.put("failed", stats.failedPublishes());
        ObjectNode requests = data.putObject("requests");
        requests.put("answered", stats.requests());
        requests.put("duplicates", stats.duplicateRequests());
        requests.put("conflicts", transactions.conflicts());
        requests.put("ignored_retained", stats.ignoredRetained());
        healthSections.forEach((name, section) -> {
            try {
                data.set(name, section.get());
            } catch (RuntimeException e) {
                data.put(name, "unavailable: " + e.getMessage());
            }
        });
        return data;
    }

    /** Publishes the offline status (waiting briefly for the broker to confirm), then disconnects cleanly. */
    @Override
    public void close() {
        drain();
        if (port.isConnected()) {
            try {
                port.publish(status.offline(session))
                        .get(options.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("offline status not confirmed before shutdown: {}", e.getMessage());
            }
        }
        if (pump.queued() > 0) {
            log.warn("MQTT bridge closing with {} unsent messages (durable ones stay in the journal's outbox and "
                    + "go out after the next start)", pump.queued());
        }
        port.close();
    }

    /**
     * While connected, gives what is queued a bounded moment to go out (the shutdown timeout), so that a clean stop
     * does not leave the last results behind. Polls: this runs once, on the stopping thread.
     */
    private void drain() {
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        while (port.isConnected() && pump.queued() > 0 && System.nanoTime() < deadline) {
            pump.pump();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private OutboundMessage infoMessage() {
        return new OutboundMessage(base + "/info", MqttJson.bytes(info.get()), 1, true, Optional.empty(),
                StatusMessages.SCHEMA);
    }

    /** Runs on the bridge's executor (the port hands every callback off before calling it). */
    private final class PortListener implements MqttPortListener {
        @Override
        public void onMessage(InboundMessage message) {
            if (intake.accepts(message.topic())) {
                intake.handle(message);
            } else {
                log.debug("MQTT message on unexpected topic {}", message.topic());
            }
        }

        @Override
        public void onConnectionEvent(ConnectionEvent event) {
            if (event instanceof ConnectionEvent.Connected connected) {
                onConnected(connected.connectionNumber());
            }
        }

        @Override
        public Optional<OutboundMessage> willFor(int connectionNumber) {
            return Optional.of(status.offline(connectionNumber));
        }
    }

    private void onConnected(int connectionNumber) {
        session = connectionNumber;
        // Subscribe before announcing "online": the broker handles one client's packets in order, so a platform
        // that waits for "online" and then sends a request can count on the request being routed to us.
        port.subscribe(intake.filter(), 1).exceptionally(failure -> {
            log.error("cannot subscribe to {}: requests will not be answered until the next connect: {}",
                    intake.filter(), failure.getMessage());
            return null;
        });
        // Status next so consumers see "online" before anything queued while we were away.
        port.publish(status.online(connectionNumber)).exceptionally(failure -> {
            log.warn("online status not published: {}", failure.getMessage());
            return null;
        });
        if (info.get() != null) {
            port.publish(infoMessage());
        }
        pump.pump();
    }
}
