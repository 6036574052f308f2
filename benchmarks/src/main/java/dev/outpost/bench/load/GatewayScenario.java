package dev.outpost.bench.load;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.truth.TruthEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Musters over one gateway process: each muster polls every unit over hxt at the link's configured pace, the
 * simulator answers each call after a short delay (so acks arrive at the call rate) and stamps the instant it
 * writes each ack; the platform's subscriber stamps the instant the matching {@code muster/<id>/ack} arrives.
 * Both stamps are {@code System.nanoTime()} in the harness's JVM.
 */
final class GatewayScenario {
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
     * One muster's figures (or several musters' together): counts (nothing lost?), the transport latency (simulator
     * send to subscriber receipt), the accuracy (absolute error of the gateway's {@code latency_ms} against what the
     * simulated world says it was), the rate, the gateway's CPU for it and its peak heap in use meanwhile.
     */
    record MusterFigures(String musterId, int called, long acksSent, long acksReceived, long acksMatched,
                         long reportAcked, Latencies.Summary latency, Latencies.Summary accuracy,
                         double acksPerSecond, double cpuSeconds, double wallSeconds, int ackBytes,
                         double peakHeapMiB) {
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
        MusterCall.Measured muster = MusterCall.runMeasured(gateway, platform, "{\"type\":\"all\"}", "", transaction);
        Set<String> ids = Set.of(muster.call().musterId());
        return AckMatch.compare(gateway.base, ids, units.size(), platform.drainAcks(), hxtTruth(simulator, ids),
                muster.costs());
    }

    /**
     * Each unit's first reply to a call of one of {@code musterIds} (a call ref starts with its muster's id and a
     * dash): sent when the simulator wrote it; the true delay is what the gateway should report.
     */
    static Map<String, AckMatch.UnitTruth> hxtTruth(RunningSimulator simulator, Collection<String> musterIds) {
        Map<String, TruthEntry.ReplySent> firstReply = new HashMap<>();
        for (TruthEntry.ReplySent reply : simulator.groundTruth().entries(TruthEntry.ReplySent.class)) {
            if (musterIds.stream().anyMatch(id -> reply.callId().startsWith(id + "-"))) {
                firstReply.merge(reply.unitId(), reply, (a, b) -> a.sendMonoNanos() <= b.sendMonoNanos() ? a : b);
            }
        }
        Map<String, AckMatch.UnitTruth> truth = new HashMap<>();
        firstReply.forEach((unit, r) -> truth.put(unit, new AckMatch.UnitTruth(r.sendMonoNanos(), r.delayNanos())));
        return truth;
    }
}
