package dev.outpost.gateway.metrics;

import dev.outpost.gateway.mqtt.MqttBridge;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The MQTT bridge's meters: connection state, messages in flight and waiting, and publish-to-PUBACK time. */
public final class MqttMeters {
    private static final Duration[] PUBACK_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private MqttMeters() {
    }

    public static void bind(MeterRegistry registry, MqttBridge bridge) {
        Gauge.builder("outpost.mqtt.connected", bridge, b -> b.stats().port().connected() ? 1 : 0)
                .description("1 while connected to the broker").register(registry);
        Gauge.builder("outpost.mqtt.inflight", bridge, MqttBridge::inFlight)
                .description("messages sent and awaiting the broker's confirmation").register(registry);
        Gauge.builder("outpost.mqtt.queued", bridge, b -> b.stats().queued())
                .description("messages waiting to be sent").register(registry);
        FunctionCounter.builder("outpost.mqtt.connection.losses", bridge, b -> b.stats().port().connectionLosses())
                .description("connections to the broker that dropped unexpectedly").register(registry);
        FunctionCounter.builder("outpost.mqtt.dropped", bridge, b -> b.stats().dropped())
                .description("messages dropped because the outbound queue was full").register(registry);
        Timer puback = Timer.builder("outpost.mqtt.puback")
                .description("from handing a message to the MQTT client to the broker's confirmation")
                .serviceLevelObjectives(PUBACK_BUCKETS).register(registry);
        bridge.timePublishConfirmations(nanos -> puback.record(nanos, TimeUnit.NANOSECONDS));
    }
}
