package dev.outpost.gateway.metrics;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.muster.MusterAck;
import dev.outpost.gateway.muster.MusterListener;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReport;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Muster meters, fed as a {@link MusterListener}: ack latency by street, class and bearer, running musters, and
 * each finished muster's duration and response rate.
 *
 * <p>Cardinality stays bounded: tags come from the registry's streets and the fixed sets of classes, bearers and
 * outcomes, never from unit ids (per-unit figures are in MQTT and the journal). Latency histograms use a fixed
 * list of buckets rather than Micrometer's ~70 percentile buckets, so each street costs a few dozen series.
 */
public final class MusterMeters implements MusterListener {
    /** Bucket bounds of the ack latency histogram; roll calls are answered in tenths of a second to minutes. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1),
            Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** The tag value for units without a street, and for acks from units no longer in the registry. */
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Supplier<UnitRegistry> units;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<Tags, Timer> latencies = new ConcurrentHashMap<>();
    private final DistributionSummary responseRate;

    public MusterMeters(MeterRegistry registry, Supplier<UnitRegistry> units) {
        this.registry = registry;
        this.units = units;
        Gauge.builder("outpost.musters.running", running, Set::size)
                .description("musters running now").register(registry);
        this.responseRate = DistributionSummary.builder("outpost.muster.response.rate")
                .description("acked / called of each finished muster (late answers do not count)")
                .baseUnit("ratio").serviceLevelObjectives(0.5, 0.8, 0.9, 0.95, 0.99, 1.0)
                .register(registry);
    }

    @Override
    public void onStarted(MusterSnapshot snapshot) {
        running.add(snapshot.musterId());
    }

    /** A muster resumed after a restart is announced by progress, not by a start. */
    @Override
    public void onProgress(MusterSnapshot snapshot) {
        if (snapshot.running()) {
            running.add(snapshot.musterId());
        }
    }

    @Override
    public void onAck(MusterAck ack) {
        Optional<Unit> unit = units.get().byId(ack.unitId());
        String street = unit.map(Unit::street).filter(s -> !s.isBlank()).orElse(NONE);
        String unitClass = unit.map(u -> u.unitClass().name()).orElse(NONE);
        Tags tags = Tags.of("street", street, "class", unitClass, "bearer", ack.bearer() == null ? NONE : ack.bearer(),
                "outcome", ack.outcome().name().toLowerCase(java.util.Locale.ROOT));
        latencies.computeIfAbsent(tags, this::latencyTimer).record(ack.latencyNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onFinished(MusterReport report) {
        running.remove(report.musterId());
        Timer.builder("outpost.muster.duration").description("from a muster's start to its end")
                .tags("state", report.state()).serviceLevelObjectives(durationBuckets())
                .register(registry).record(Math.round(report.durationMs() * 1e6), TimeUnit.NANOSECONDS);
        Double rate = report.summary().totals().responseRate();
        if (rate != null) {
            responseRate.record(rate);
        }
    }

    private Timer latencyTimer(Tags tags) {
        return Timer.builder("outpost.ack.latency")
                .description("ack receive instant minus the send instant of the unit's first attempt")
                .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    private static Duration[] durationBuckets() {
        return new Duration[] {Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)};
    }
}
