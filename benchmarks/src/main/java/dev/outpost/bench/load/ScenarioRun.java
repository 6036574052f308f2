package dev.outpost.bench.load;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One gateway process with its own simulator and registry: started, mustered {@code musters} times (all but the
 * last warm the JIT), measured, stopped.
 */
final class ScenarioRun {
    private static final String TOKEN = "bench-token";
    /**
     * Every unit online and answering a poll 20 ms (sd 5 ms) after it heard the call: each batch's acks spread
     * over a few ms instead of leaving in one burst, and the ack rate follows the call rate.
     */
    static final BehaviourOptions PROMPT = new BehaviourOptions(1.0, 0.0, 0.0, Duration.ZERO,
            new DelayDistribution.Normal(Duration.ofMillis(20), Duration.ofMillis(5), Duration.ofMillis(5)),
            new DelayDistribution.Fixed(Duration.ofMillis(20)));

    /**
     * What one scenario gave: every muster (warm-ups first), the gateway process's costs, and how many MQTT messages
     * the gateway dropped because its outbound queue was full (in the whole run, logon included).
     */
    record Result(String name, int units, double callsPerSecond, double readyMillis,
                  List<GatewayScenario.MusterFigures> musters, double peakRssMiB, double heapUsedMiB,
                  long mqttDropped) {
        GatewayScenario.MusterFigures measured() {
            return musters.get(musters.size() - 1);
        }
    }

    private ScenarioRun() {
    }

    static List<Unit> units(int count) {
        return TianheRegistryGenerator.scale(8, count).stream().map(u -> u.withLifecycle(Lifecycle.ACTIVE)).toList();
    }

    static Result run(String name, BenchBroker broker, int unitCount, double callsPerSecond, int maxBatch,
                      int musters, List<String> gatewayJvm) throws Exception {
        List<Unit> units = units(unitCount);
        String gatewayId = "bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        try (RunningSimulator simulator = Simulator.start(
                SimulatorOptions.defaults().withToken(TOKEN).withBehaviour(17, PROMPT), units);
             GatewayProcess gateway = GatewayProcess.start(GatewayProcess.hxt(gatewayId, broker.url(),
                     simulator.hxtUri(), TOKEN, callsPerSecond, maxBatch, gatewayJvm), units);
             AckListener platform = new AckListener(broker.url(), gateway.base)) {
            GatewayScenario scenario = new GatewayScenario(simulator, gateway, platform);
            List<GatewayScenario.MusterFigures> figures = new ArrayList<>();
            try {
                for (int i = 0; i < musters; i++) {
                    // Also after a muster: its unit events can still be queued (or dropped) well after its result.
                    awaitSettled(gateway, "poc");
                    figures.add(scenario.muster(units));
                }
            } catch (Exception e) {
                String log = gateway.log();
                System.err.println("gateway log (" + name + "), last lines:\n"
                        + log.substring(Math.max(0, log.length() - 6_000)));
                throw e;
            }
            double heap = gateway.heapUsedMiB();
            return new Result(name, unitCount, callsPerSecond, gateway.readyMillis(), figures,
                    gateway.procStatusMiB("VmHWM"), heap, (long) gateway.metric("outpost_mqtt_dropped_total", ""));
        }
    }

    /**
     * READY does not wait for the links, and at logon the hxt server reports every unit's presence, which the gateway
     * publishes one message per unit: wait (bounded) until the link is up and the gateway's MQTT queue is empty, so
     * that a muster neither calls nobody nor queues behind that backlog (whose overflow could drop its start reply).
     */
    static void awaitSettled(GatewayProcess gateway, String linkId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(gateway.metric("outpost_link_state{", "link=\"" + linkId + "\",state=\"up\"") == 1.0
                && gateway.metric("outpost_mqtt_queued ", "") == 0.0
                && gateway.metric("outpost_mqtt_inflight ", "") == 0.0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway's link was not up with an empty MQTT queue within 120 s");
            }
            Thread.sleep(100);
        }
    }
}
