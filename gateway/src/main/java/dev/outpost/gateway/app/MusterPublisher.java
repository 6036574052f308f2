package dev.outpost.gateway.app;

import dev.outpost.gateway.muster.MusterAck;
import dev.outpost.gateway.muster.MusterListener;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.mqtt.Delivery;
import dev.outpost.gateway.mqtt.MqttBridge;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts muster progress on MQTT: {@code muster/<id>/state} (retained), {@code muster/<id>/ack} (each
 * ack) and {@code muster/<id>/result} (retained final report). All QoS 1 and durable: they go through the
 * journal's outbox, so they survive broker outages and restarts (state messages supersede each other).
 */
final class MusterPublisher implements MusterListener {
    private static final Logger log = LoggerFactory.getLogger(MusterPublisher.class);
    private final MqttBridge bridge;
    private final MusterReportWriter json;

    MusterPublisher(MqttBridge bridge, MusterReportWriter json) {
        this.bridge = bridge;
        this.json = json;
    }

    @Override
    public void onStarted(MusterSnapshot snapshot) {
        log.info("muster {} started: scope {}, method {}, {} targeted, excluded {}", snapshot.musterId(),
                snapshot.scope(), snapshot.method(), snapshot.targeted(), snapshot.excluded());
        publishState(snapshot);
    }

    @Override
    public void onProgress(MusterSnapshot snapshot) {
        publishState(snapshot);
    }

    @Override
    public void onAck(MusterAck ack) {
        publish("muster/" + ack.musterId() + "/ack", json.toJson(ack), false, Delivery.durable(ack.eventId()));
    }

    @Override
    public void onFinished(MusterReport report) {
        log.info("muster {} {}: {} acked of {} called, p50 {} ms", report.musterId(), report.state(),
                report.summary().totals().acked(), report.summary().totals().called(),
                report.summary().totals().latency().p50Ms());
        String topic = "muster/" + report.musterId() + "/result";
        publish(topic, json.toJson(report), true, Delivery.durable(report.musterId() + "/result"));
    }

    private void publishState(MusterSnapshot snapshot) {
        String topic = "muster/" + snapshot.musterId() + "/state";
        publish(topic, json.toJson(snapshot), true, Delivery.latestOf(topic));
    }

    private void publish(String suffix, String payload, boolean retained, Delivery delivery) {
        bridge.publish(suffix, payload.getBytes(StandardCharsets.UTF_8), retained, 1, delivery)
                .exceptionally(e -> {
                    log.warn("could not publish {}: {}", suffix, e.getMessage());
                    return null;
                });
    }
}
