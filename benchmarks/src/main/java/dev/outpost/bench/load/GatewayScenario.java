package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Musters over one gateway process: each muster polls every unit over hxt at the link's configured pace, the
 * simulator answers each call after a short delay (so acks arrive at the call rate) and stamps the instant it
 * writes each ack; the platform's subscriber stamps the instant the matching {@code muster/<id>/ack} arrives.
 * Both stamps are {@code System.nanoTime()} in the harness's JVM.
 */
final class GatewayScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningSimulator simulator;
    private final GatewayProcess gateway;
    private final AckListener platform;
    private int musters;

    GatewayScenario(RunningSimulator simulator, GatewayProcess gateway, AckListener platform) {
        this.simulator = simulator;
        this.gateway = gateway;
        this.platform = platform;
    }

    /**
     * One muster's figures: counts (nothing lost?), the transport latency (simulator send to subscriber receipt),
     * the accuracy (absolute error of the gateway's {@code latency_ms} against the unit's true delay), the rate and
     * the gateway's CPU for it.
     */
    record MusterFigures(String musterId, int called, long acksSent, long acksReceived, long acksMatched,
                         long reportAcked, Latencies.Summary latency, Latencies.Summary accuracy,
                         double acksPerSecond, double cpuSeconds, double wallSeconds, int ackBytes) {
        boolean nothingLost() {
            return acksSent > 0 && acksSent == acksReceived && acksReceived == acksMatched && reportAcked == acksSent;
        }

        double cpuSecondsPer10k() {
            return acksReceived == 0 ? Double.NaN : cpuSeconds * 10_000.0 / acksReceived;
        }
    }

    /** Starts a poll muster of every unit, waits for its result and compares every ack with the simulator's. */
    MusterFigures muster(List<Unit> units) throws Exception {
        String transaction = "bench-" + (++musters) + "-" + System.nanoTime();
        simulator.groundTruth().clear();
        platform.drainAcks();
        double cpuBefore = gateway.cpuSeconds();
        MusterCall call = MusterCall.run(platform, gateway.base, "{\"type\":\"all\"}", "", transaction);
        double cpu = gateway.cpuSeconds() - cpuBefore;
        return compare(call.musterId(), units.size(), platform.drainAcks(), call.acked(), cpu, call.wallSeconds());
    }

    private MusterFigures compare(String musterId, int called, List<AckListener.Arrival> arrivals, long reportAcked,
                                  double cpu, double wall) throws IOException {
        Map<String, TruthEntry.ReplySent> firstReply = new HashMap<>();
        for (TruthEntry.ReplySent reply : simulator.groundTruth().entries(TruthEntry.ReplySent.class)) {
            if (reply.callId().startsWith(musterId)) {
                firstReply.merge(reply.unitId(), reply, (a, b) -> a.sendMonoNanos() <= b.sendMonoNanos() ? a : b);
            }
        }
        Latencies latencies = new Latencies();
        Latencies errors = new Latencies();
        long received = 0;
        long matched = 0;
        long firstSent = Long.MAX_VALUE;
        long lastReceived = Long.MIN_VALUE;
        long bytes = 0;
        String prefix = gateway.base + "/muster/" + musterId + "/";
        for (AckListener.Arrival arrival : arrivals) {
            if (!arrival.topic().startsWith(prefix)) {
                continue;
            }
            received++;
            bytes += arrival.payload().length;
            JsonNode ack = JSON.readTree(arrival.payload());
            TruthEntry.ReplySent truth = firstReply.get(ack.path("unit_id").asText());
            if (truth != null) {
                long sent = truth.sendMonoNanos();
                matched++;
                latencies.record(arrival.receivedAt() - sent);
                errors.record(Math.abs(Math.round(ack.path("latency_ms").asDouble() * 1e6) - truth.delayNanos()));
                firstSent = Math.min(firstSent, sent);
                lastReceived = Math.max(lastReceived, arrival.receivedAt());
            }
        }
        double rate = matched < 2 ? 0 : matched / ((lastReceived - firstSent) / 1e9);
        return new MusterFigures(musterId, called, firstReply.size(), received, matched, reportAcked,
                latencies.summary(), errors.summary(), rate, cpu, wall, received == 0 ? 0 : (int) (bytes / received));
    }
}
