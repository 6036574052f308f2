package dev.outpost.gateway.app;

import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.metrics.LinkMeters;
import dev.outpost.gateway.metrics.MqttMeters;
import dev.outpost.gateway.metrics.MusterMeters;
import dev.outpost.gateway.mqtt.MqttBridge;
import dev.outpost.gateway.outbox.DurableOutbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The gateway's meters, in one Prometheus registry owned by the composition root (scraped at {@code /metrics}).
 * Names follow Micrometer's dotted style ({@code outpost.outbox.depth} becomes {@code outpost_outbox_depth} in
 * Prometheus). The reference of every meter is in docs/operations.md.
 */
public final class GatewayMeters implements AutoCloseable {
    static final double[] PERCENTILES = {0.5, 0.99, 0.999};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer ackDurable = Timer.builder("outpost.ack.durable")
            .description("from an ack's receive stamp to the journal commit that made it durable")
            .publishPercentiles(PERCENTILES)
            .distributionStatisticExpiry(Duration.ofMinutes(10))
            .distributionStatisticBufferLength(2)
            .register(registry);

    GatewayMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    public Timer ackDurable() {
        return ackDurable;
    }

    void watchOutbox(DurableOutbox outbox) {
        Gauge.builder("outpost.outbox.depth", outbox, o -> o.stats().depth())
                .description("undelivered durable MQTT messages").register(registry);
        Gauge.builder("outpost.outbox.oldest.age", outbox, o -> o.oldestAgeMillis() / 1000.0)
                .description("age of the oldest undelivered durable message").baseUnit("seconds").register(registry);
        FunctionCounter.builder("outpost.outbox.evicted", outbox, o -> o.stats().evicted())
                .description("durable messages evicted by the outbox caps").register(registry);
        Gauge.builder("outpost.outbox.alarm", outbox, o -> o.stats().alarm() ? 1 : 0)
                .description("1 while the outbox alarm is raised").register(registry);
    }

    void watchLinks(List<Link> links) {
        links.forEach(link -> LinkMeters.bind(registry, link));
    }

    void watchMqtt(MqttBridge bridge) {
        MqttMeters.bind(registry, bridge);
    }

    /** A listener that feeds the muster meters; {@code units} resolves an ack's street and class. */
    MusterMeters musterMeters(Supplier<UnitRegistry> units) {
        return new MusterMeters(registry, units);
    }

    /** Counts one unit event by its type and link (both from fixed, small sets). */
    void countEvent(UnitEvent event) {
        registry.counter("outpost.events", "type", event.payload().type(), "link", event.linkId()).increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    /** 0.5 → "50", 0.99 → "99", 0.999 → "99_9" */
    static String percentileLabel(double percentile) {
        String digits = String.format(Locale.ROOT, "%.1f", percentile * 100).replace(".0", "");
        return digits.replace('.', '_');
    }
}
