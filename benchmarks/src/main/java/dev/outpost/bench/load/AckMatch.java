package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the acks a platform subscriber received with the simulator's truth, unit by unit, whatever the bearer:
 * the transport latency (the simulated network's send instant to the subscriber's receipt) and the accuracy
 * (|the gateway's {@code latency_ms} - the latency the gateway could have seen|).
 */
final class AckMatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the simulated world says of one unit's answer.
     *
     * @param sentAt        {@code System.nanoTime()} the answer left the simulated network for the gateway
     * @param expectedNanos the latency the gateway should report for it
     */
    record UnitTruth(long sentAt, long expectedNanos) {
    }

    /** What one or more musters took besides their acks: the gateway's CPU, the wall time, the peak heap. */
    record Costs(long reportAcked, double cpuSeconds, double wallSeconds, double peakHeapMiB) {
    }

    private AckMatch() {
    }

    /**
     * @param musterIds the musters whose {@code muster/<id>/ack} count (acks of others are skipped)
     * @param truth     by unit id: the units that answered
     */
    static GatewayScenario.MusterFigures compare(String base, Set<String> musterIds, int called,
                                                 List<AckListener.Arrival> arrivals, Map<String, UnitTruth> truth,
                                                 Costs costs) throws IOException {
        Latencies latencies = new Latencies();
        Latencies errors = new Latencies();
        long received = 0;
        long matched = 0;
        long firstSent = Long.MAX_VALUE;
        long lastReceived = Long.MIN_VALUE;
        long bytes = 0;
        String prefix = base + "/muster/";
        for (AckListener.Arrival arrival : arrivals) {
            String topic = arrival.topic();
            if (!topic.startsWith(prefix) || !musterIds.contains(topic.substring(prefix.length(),
                    topic.length() - "/ack".length()))) {
                continue;
            }
            received++;
            bytes += arrival.payload().length;
            JsonNode ack = JSON.readTree(arrival.payload());
            UnitTruth unit = truth.get(ack.path("unit_id").asText());
            if (unit != null) {
                matched++;
                latencies.record(arrival.receivedAt() - unit.sentAt());
                errors.record(Math.abs(Math.round(ack.path("latency_ms").asDouble() * 1e6) - unit.expectedNanos()));
                firstSent = Math.min(firstSent, unit.sentAt());
                lastReceived = Math.max(lastReceived, arrival.receivedAt());
            }
        }
        double rate = matched < 2 ? 0 : matched / ((lastReceived - firstSent) / 1e9);
        return new GatewayScenario.MusterFigures(String.join(",", musterIds), called, truth.size(), received, matched,
                costs.reportAcked(), latencies.summary(), errors.summary(), rate, costs.cpuSeconds(),
                costs.wallSeconds(), received == 0 ? 0 : (int) (bytes / received), costs.peakHeapMiB());
    }
}
