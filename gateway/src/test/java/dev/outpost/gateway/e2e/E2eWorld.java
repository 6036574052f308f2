package dev.outpost.gateway.e2e;

import dev.outpost.config.TimingSettings;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TimingThreads;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A simulator and a gateway, the gateway started from config files through the same launcher as
 * {@code outpost run}, talking to a real broker. Closing stops both.
 */
final class E2eWorld implements AutoCloseable {
    /** Each world has its own gateway id, so retained messages of an earlier test cannot be mistaken for ours. */
    final String gatewayId;
    final String base;

    final RunningSimulator simulator;
    final GatewayApp gateway;
    final List<Unit> units;
    /** The simulator's stamping threads, real-time when the system allows, as the gateway's are. */
    final TimingThreads simulatorTiming = TimingThreads.of(TimingSettings.defaults());

    E2eWorld(Path dir, String brokerUrl, String mqttVersion, List<Unit> units, long seed, BehaviourOptions behaviour)
            throws Exception {
        this(newGatewayId(), dir, brokerUrl, mqttVersion, units, seed, behaviour, 1000);
    }

    /** @param callsPerSecond the PoC link's pacing: roll calls (units) per second */
    E2eWorld(String gatewayId, Path dir, String brokerUrl, String mqttVersion, List<Unit> units, long seed,
             BehaviourOptions behaviour, int callsPerSecond) throws Exception {
        this(gatewayId, dir, brokerUrl, mqttVersion, units, seed, behaviour, callsPerSecond, "");
    }

    /** @param extraYaml config sections appended to the gateway's config (e.g. a small outbox) */
    E2eWorld(String gatewayId, Path dir, String brokerUrl, String mqttVersion, List<Unit> units, long seed,
             BehaviourOptions behaviour, int callsPerSecond, String extraYaml) throws Exception {
        this(gatewayId, dir, brokerUrl, mqttVersion, units, seed, behaviour, callsPerSecond, extraYaml,
                GatewayClock.system());
    }

    /** @param clock the gateway's clock (a real one; a test may shift its wall time, see RoutineScheduleRealRunTest) */
    E2eWorld(String gatewayId, Path dir, String brokerUrl, String mqttVersion, List<Unit> units, long seed,
             BehaviourOptions behaviour, int callsPerSecond, String extraYaml, GatewayClock clock) throws Exception {
        this.gatewayId = gatewayId;
        this.base = "outpost/" + gatewayId;
        this.units = units;
        this.simulator = Simulator.start(SimulatorOptions.defaults().withToken("e2e-token").withBehaviour(seed, behaviour),
                units, simulatorTiming::named);
        try {
            writeUnits(dir, units);
            Files.writeString(dir.resolve("hxt.token"), "e2e-token\n");
            Path config = writeGatewayConfig(dir, gatewayId, brokerUrl, mqttVersion, simulator.hxtUri().toString(),
                    callsPerSecond);
            Files.writeString(config, extraYaml, java.nio.file.StandardOpenOption.APPEND);
            this.gateway = GatewayLauncher.start(config, clock, "test");
        } catch (Exception e) {
            simulator.close();
            throw e;
        }
    }

    /** A gateway config like an operator's, with units.csv and hxt.token beside it; returns its path. */
    static Path writeGatewayConfig(Path dir, String gatewayId, String brokerUrl, String mqttVersion, String hxtUri,
                                   int callsPerSecond) throws java.io.IOException {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "gateway: { id: " + gatewayId + " }",
                "mqtt:",
                "  url: " + brokerUrl,
                "  version: " + mqttVersion,
                "  reconnect: { min: 100ms, max: 2s }",
                "units: { file: units.csv }",
                "storage: { state_dir: state }",
                "links:",
                "  - id: poc",
                "    type: hxt",
                "    url: " + hxtUri,
                "    token_file: hxt.token",
                "    calls_per_second: " + callsPerSecond,
                "    max_batch: 20",
                "    reconnect: { min: 100ms, max: 2s }",
                "muster:",
                "  method: poll",
                "  attempt_timeout: 1500ms",
                "  retries: 1",
                "  deadline: 30s",
                "  late_window: 2s",
                "log: { level: warn }",
                "http: { listen: 127.0.0.1:0 }",
                ""));
        return config;
    }

    static void writeUnits(Path dir, List<Unit> units) throws java.io.IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("units.csv"), StandardCharsets.UTF_8)) {
            RegistryCsv.write(units, w);
        }
    }

    static String newGatewayId() {
        return "e2e-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    /** Waits until this gateway announced itself online and its PoC link is up. */
    /** Per unit, for one muster's calls: its first reply sent minus its first call heard, in the simulator's clock. */
    java.util.Map<String, Long> trueDelaysNanos(String musterId) {
        java.util.Map<String, Long> delays = new java.util.HashMap<>();
        truthInstants(musterId).forEach((unit, heardAndSent) -> delays.put(unit, heardAndSent[1] - heardAndSent[0]));
        return delays;
    }

    /** Per unit, for one muster's calls: {first call heard, first reply sent}, in the simulator's monotonic nanos. */
    java.util.Map<String, long[]> truthInstants(String musterId) {
        java.util.Map<String, Long> firstHeard = new java.util.HashMap<>();
        java.util.Map<String, Long> firstReply = new java.util.HashMap<>();
        for (dev.outpost.simulator.truth.TruthEntry entry : simulator.groundTruth().entries()) {
            if (entry instanceof dev.outpost.simulator.truth.TruthEntry.CallReceived call
                    && call.callId().startsWith(musterId)) {
                firstHeard.merge(call.unitId(), call.recvMonoNanos(), Math::min);
            } else if (entry instanceof dev.outpost.simulator.truth.TruthEntry.ReplySent reply
                    && reply.callId().startsWith(musterId)) {
                firstReply.merge(reply.unitId(), reply.sendMonoNanos(), Math::min);
            }
        }
        java.util.Map<String, long[]> instants = new java.util.HashMap<>();
        firstReply.forEach((unit, sent) -> instants.put(unit, new long[] {firstHeard.get(unit), sent}));
        return instants;
    }

    void awaitReady(dev.outpost.gateway.testsupport.MqttProbe platform, java.time.Duration limit) throws InterruptedException {
        platform.await(r -> r.topic().equals(base + "/status") && r.text().contains("\"online\""), limit);
        platform.await(r -> r.topic().equals(base + "/link/poc/state") && r.text().contains("\"up\""), limit);
    }

    StampingPriority stamping() {
        return new StampingPriority(gateway, simulatorTiming);
    }

    @Override
    public void close() {
        gateway.close();
        simulator.close();
    }
}
