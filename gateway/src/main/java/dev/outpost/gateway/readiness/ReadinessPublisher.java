package dev.outpost.gateway.readiness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.muster.MusterListener;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TaskScheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes readiness after musters (once none runs, {@link RecomputeGate}) and publishes it retained:
 * {@code unit/<id>/readiness}, {@code readiness/street/<street>} and {@code readiness/class/<class>}. The work runs
 * on its own executor, after the journal has committed the musters' outcomes (a write queued behind them completes
 * first), and only figures that changed are published again.
 */
public final class ReadinessPublisher implements MusterListener {
    private static final Logger log = LoggerFactory.getLogger(ReadinessPublisher.class);
    /** How long after the last muster finished with none started since the recompute runs ({@link RecomputeGate}). */
    static final Duration QUIET = Duration.ofSeconds(5);
    static final Duration MAX_DEFERRAL = Duration.ofMinutes(10);

    private final Journal journal;
    private final ReadinessSource source;
    private final MqttBridge bridge;
    private final GatewayClock clock;
    private final Duration window;
    private final Executor executor;
    private final Map<String, Readiness> published = new HashMap<>();
    private final RecomputeGate gate = new RecomputeGate(QUIET, MAX_DEFERRAL);
    private final TaskScheduler core;

    /**
     * @param core     the muster service's thread, where the listener calls come and the attempts are timed
     * @param executor where the recompute itself runs
     */
    public ReadinessPublisher(Journal journal, MqttBridge bridge, GatewayClock clock, Duration window,
                              TaskScheduler core, Executor executor) {
        this.core = core;
        this.journal = journal;
        this.source = new ReadinessSource(journal);
        this.bridge = bridge;
        this.clock = clock;
        this.window = window;
        this.executor = executor;
    }

    @Override
    public void onStarted(MusterSnapshot snapshot) {
        gate.started(snapshot.musterId(), clock.monotonicNanos());
    }

    @Override
    public void onFinished(MusterReport report) {
        long now = clock.monotonicNanos();
        gate.finished(report.musterId(), now).ifPresent(at -> core.schedule(at - now, () -> {
            if (gate.attempt(clock.monotonicNanos())) {
                startRecompute();
            }
        }));
    }

    private void startRecompute() {
        // Writes commit in order, so once this empty one has, the musters' outcomes are on disk.
        journal.write(tx -> null).thenRunAsync(this::recompute, executor).exceptionally(failure -> {
            log.warn("readiness not recomputed: {}", failure.toString());
            return null;
        });
    }

    /** Recomputes over the window and publishes what changed. Runs on the executor. */
    public void recompute() {
        List<ReadinessCalculator.Outcome> outcomes;
        try {
            outcomes = source.since(clock.wallNow().minus(window));
        } catch (Exception e) {
            log.warn("readiness: cannot read the journal: {}", e.toString());
            return;
        }
        ReadinessCalculator.Scores scores = ReadinessCalculator.compute(outcomes);
        int sent = 0;
        sent += publish(scores.units(), id -> "unit/" + topicLevel(id) + "/readiness");
        sent += publish(scores.streets(), street -> "readiness/street/" + topicLevel(street));
        sent += publish(scores.classes(), c -> "readiness/class/" + topicLevel(c));
        log.info("readiness over {} days: {} units, {} streets; {} figures changed", window.toDays(),
                scores.units().size(), scores.streets().size(), sent);
    }

    private int publish(Map<String, Readiness> figures, java.util.function.Function<String, String> topic) {
        int sent = 0;
        for (Map.Entry<String, Readiness> e : figures.entrySet()) {
            String suffix = topic.apply(e.getKey());
            if (Objects.equals(published.put(suffix, e.getValue()), e.getValue())) {
                continue;
            }
            bridge.publish(suffix, MqttJson.bytes(json(e.getKey(), e.getValue())), true, 1);
            sent++;
        }
        return sent;
    }

    private ObjectNode json(String key, Readiness r) {
        ObjectNode n = MqttJson.event(clock.wallNow());
        n.put("key", key);
        n.put("window_days", window.toDays());
        n.put("called", r.called());
        n.put("acked", r.acked());
        n.put("late", r.late());
        n.put("misses", r.misses());
        n.put("response_rate", Math.round(r.responseRate() * 10_000) / 10_000.0);
        n.put("median_latency_ms", r.medianLatencyMs());
        return n;
    }

    /** A street name is one topic level: MQTT's separators and wildcards become '_'. */
    static String topicLevel(String value) {
        return value.replace('/', '_').replace('+', '_').replace('#', '_');
    }
}
