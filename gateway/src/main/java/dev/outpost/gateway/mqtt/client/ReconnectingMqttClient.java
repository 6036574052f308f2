package dev.outpost.gateway.mqtt.client;

import dev.outpost.gateway.time.GatewayClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MqttPort}: one Paho client per connection, our own reconnect loop with backoff and jitter (Paho's
 * automatic reconnect stays off, so the first connect and later ones fail and retry the same way), and every Paho
 * callback handed off to the owner's executor before anything else happens.
 */
public final class ReconnectingMqttClient implements MqttPort {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingMqttClient.class);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final MqttClientOptions options;
    private final PahoSession.Factory factory;
    private final GatewayClock clock;
    private final DoubleSupplier random;
    private final Backoff backoff;
    private final TakeoverWatch takeoverWatch;

    private final Object lock = new Object();
    private final Set<CompletableFuture<Void>> unconfirmed = new HashSet<>();
    private MqttPortListener listener;
    private ScheduledExecutorService executor;
    private PahoSession session;
    private int generation;
    private boolean connected;
    private boolean closed;
    private int connectionCount;
    private int failedAttempts;
    private long connectedAtNanos;
    private ScheduledFuture<?> pendingRetry;
    /** Touched only on the executor (connect results are handed off to it). */
    private int connectFailuresInARow;

    ReconnectingMqttClient(MqttClientOptions options, PahoSession.Factory factory, GatewayClock clock,
                           DoubleSupplier random) {
        this.options = options;
        this.factory = factory;
        this.clock = clock;
        this.random = random;
        this.backoff = new Backoff(options.reconnectMin(), options.reconnectMax());
        this.takeoverWatch = new TakeoverWatch(options.serverUri(), options.clientId());
    }

    /** A client for {@code options.version()} over Paho. */
    public static ReconnectingMqttClient create(MqttClientOptions options, GatewayClock clock) {
        return new ReconnectingMqttClient(options, PahoSession.forVersion(options.version()), clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public void start(MqttPortListener portListener, ScheduledExecutorService portExecutor) {
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("already started");
            }
            listener = portListener;
            executor = portExecutor;
        }
        log.info("MQTT connecting: {}", options);
        handOff(this::attemptConnect);
    }

    private void attemptConnect() {
        int number;
        int gen;
        synchronized (lock) {
            if (closed) {
                return;
            }
            number = connectionCount + 1;
            gen = ++generation;
        }
        PahoSession next;
        try {
            next = factory.create(options, listener.willFor(number), callbacksFor(gen));
        } catch (Exception e) {
            log.warn("MQTT client for {} cannot be set up: {}", options.serverUri(), PahoFailures.describe(e));
            scheduleRetry();
            return;
        }
        synchronized (lock) {
            if (closed || gen != generation) {
                next.abort();
                return;
            }
            session = next;
        }
        next.connect().whenComplete((ok, failure) -> handOff(() -> onConnectResult(next, gen, failure)));
    }

    private void onConnectResult(PahoSession attempted, int gen, Throwable failure) {
        int number;
        synchronized (lock) {
            if (closed || gen != generation) {
                return;
            }
            if (failure != null) {
                session = null;
                number = 0;
            } else {
                connected = true;
                number = ++connectionCount;
                connectedAtNanos = clock.monotonicNanos();
            }
        }
        if (failure != null) {
            attempted.abort();
            // During an outage every retry fails the same way: say it on the first and then every tenth, so the
            // log shows the outage without drowning in it.
            int failures = ++connectFailuresInARow;
            String why = PahoFailures.describe(unwrap(failure));
            if (failures == 1 || failures % 10 == 0) {
                log.warn("MQTT connect to {} failed ({} in a row; retrying with backoff): {}", options.serverUri(),
                        failures, why);
            } else {
                log.debug("MQTT connect to {} failed ({} in a row): {}", options.serverUri(), failures, why);
            }
            scheduleRetry();
            return;
        }
        connectFailuresInARow = 0;
        log.info("MQTT connected to {} as '{}' (connection {})", options.serverUri(), options.clientId(), number);
        listener.onConnectionEvent(new ConnectionEvent.Connected(number));
    }

    private PahoSession.Callbacks callbacksFor(int gen) {
        return new PahoSession.Callbacks() {
            @Override
            public void messageArrived(InboundMessage message) {
                handOff(() -> deliver(gen, message));
            }

            @Override
            public void connectionLost(String cause, boolean sessionTakenOver) {
                handOff(() -> onLost(gen, cause, sessionTakenOver));
            }
        };
    }

    private void deliver(int gen, InboundMessage message) {
        synchronized (lock) {
            if (closed || gen != generation) {
                return;
            }
        }
        listener.onMessage(message);
    }

    private void onLost(int gen, String cause, boolean takenOver) {
        PahoSession dead;
        List<CompletableFuture<Void>> orphaned;
        synchronized (lock) {
            if (closed || gen != generation) {
                return;
            }
            generation++;
            dead = session;
            session = null;
            boolean wasConnected = connected;
            connected = false;
            orphaned = takeUnconfirmed();
            long now = clock.monotonicNanos();
            takeoverWatch.onLoss(cause, takenOver, wasConnected, connectedAtNanos, now);
            if (wasConnected && now - connectedAtNanos >= options.stableAfter().toNanos()) {
                failedAttempts = 0;
            }
        }
        if (dead != null) {
            dead.abort();
        }
        failAll(orphaned, "connection lost before the broker confirmed");
        listener.onConnectionEvent(new ConnectionEvent.Lost(cause, takenOver));
        scheduleRetry();
    }

    private void scheduleRetry() {
        int attempt;
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            attempt = ++failedAttempts;
            delay = backoff.delay(attempt, random);
            try {
                pendingRetry = executor.schedule(this::attemptConnect, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("MQTT executor stopped; no further reconnects");
                return;
            }
        }
        log.debug("MQTT reconnect attempt {} in {} ms", attempt, delay.toMillis());
        listener.onConnectionEvent(new ConnectionEvent.Reconnecting(attempt, delay));
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
        return tracked(s -> s.publish(message));
    }

    @Override
    public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
        return tracked(s -> s.subscribe(topicFilter, qos));
    }

    /** Runs an operation on the live session; its result completes on our executor, or fails if the link drops. */
    private CompletableFuture<Void> tracked(Function<PahoSession, CompletableFuture<Void>> op) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        PahoSession live;
        synchronized (lock) {
            if (!connected || session == null) {
                return CompletableFuture.failedFuture(new MqttNotConnectedException("not connected"));
            }
            live = session;
            unconfirmed.add(result);
        }
        op.apply(live).whenComplete((ok, failure) -> handOff(() -> {
            synchronized (lock) {
                unconfirmed.remove(result);
            }
            if (failure == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(unwrap(failure));
            }
        }));
        return result;
    }

    @Override
    public boolean isConnected() {
        synchronized (lock) {
            return connected;
        }
    }

    @Override
    public MqttProtocolVersion version() {
        return options.version();
    }

    @Override
    public MqttPortStats stats() {
        synchronized (lock) {
            return new MqttPortStats(connected, connectionCount, takeoverWatch.losses(), takeoverWatch.takeovers(),
                    takeoverWatch.suspectedTakeovers());
        }
    }

    @Override
    public void close() {
        shutDown(s -> s.disconnect(DISCONNECT_TIMEOUT));
    }

    /**
     * Drops the connection the way a crash would: no DISCONNECT, so the broker publishes the will. Stops
     * reconnecting. For fault-injection tests and emergency stops.
     */
    public void abortWithoutDisconnect() {
        shutDown(PahoSession::abort);
    }

    private void shutDown(Consumer<PahoSession> ending) {
        PahoSession last;
        List<CompletableFuture<Void>> orphaned;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            connected = false;
            last = session;
            session = null;
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
            }
            orphaned = takeUnconfirmed();
        }
        if (last != null) {
            ending.accept(last);
        }
        failAll(orphaned, "client closed");
        log.info("MQTT client for {} closed", options.serverUri());
    }

    private List<CompletableFuture<Void>> takeUnconfirmed() {
        List<CompletableFuture<Void>> taken = new ArrayList<>(unconfirmed);
        unconfirmed.clear();
        return taken;
    }

    private static void failAll(List<CompletableFuture<Void>> futures, String why) {
        futures.forEach(f -> f.completeExceptionally(new MqttNotConnectedException(why)));
    }

    private void handOff(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            log.debug("MQTT executor stopped; dropping a callback");
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
