package dev.outpost.gateway.app;

import dev.outpost.gateway.outbox.DurableOutbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * The gateway's meters, in one registry owned by the composition root. Names follow Micrometer's dotted style
 * ({@code outpost.outbox.depth} becomes {@code outpost_outbox_depth} in Prometheus).
 */
public final class GatewayMeters {
    static final double[] PERCENTILES = {0.5, 0.99, 0.999};

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Timer ackDurable = Timer.builder("outpost.ack.durable")
            .description("from an ack's receive stamp to the journal commit that made it durable")
            .publishPercentiles(PERCENTILES)
            .distributionStatisticExpiry(Duration.ofMinutes(10))
            .distributionStatisticBufferLength(2)
            .register(registry);

    public MeterRegistry registry() {
        return registry;
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

    /** 0.5 → "50", 0.99 → "99", 0.999 → "99_9" */
    static String percentileLabel(double percentile) {
        String digits = String.format(Locale.ROOT, "%.1f", percentile * 100).replace(".0", "");
        return digits.replace('.', '_');
    }
}
