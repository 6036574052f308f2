package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.simulator.dmr.BaseStationSpec;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.dmr.DmrSim;
import dev.outpost.simulator.dmr.DmrSimOptions;
import dev.outpost.simulator.dmr.RunningDmrSim;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The city over DMR: every unit has a radio behind one of {@code stations} simulated base stations (two slots each,
 * placed by street), the gateway an {@code hbp-master} link routing each slot's units, one poll muster of all. Its
 * duration is compared with the channel floor (issue 4's: per slot, units polled x 120 ms, plus one attempt timeout
 * if some unit on it never answered; the slowest slot decides), its latencies with the simulator's truth plus air time.
 */
final class DmrCityRun {
    private static final long FIRST_PEER = 311_000_101L;
    private static final String PASSPHRASE = "bench-pass";
    private static final double CHECK_MS = 120.0;
    private static final int ATTEMPT_TIMEOUT_MS = 1_500;
    private static final int RETRIES = 1;
    private static final int SPARE_DMR_IDS = 4_800_000;

    /** The muster against its floor, its accuracy, and the gateway's costs. */
    record Result(int units, int stations, double readyMillis, long acked, double durationMs, double floorMs,
                  String slowestSlot, Latencies.Summary accuracy, double cpuSeconds, double peakRssMiB,
                  double heapUsedMiB, long mqttDropped) {
        double ratio() {
            return durationMs / floorMs;
        }
    }

    private DmrCityRun() {
    }

    static Result run(BenchBroker broker, int unitCount, int stations, List<String> gatewayJvm) throws Exception {
        List<Unit> units = withRadios(ScenarioRun.units(unitCount));
        InetSocketAddress master = new InetSocketAddress(InetAddress.getLoopbackAddress(), freeUdpPort());
        GroundTruth truth = GroundTruth.inMemory(GroundTruth.DEFAULT_MAX_ENTRIES);
        String gatewayId = "bench-dmr-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        // The stations keep retrying their login until the gateway listens. Every radio acks one burst after a check.
        try (RunningDmrSim sim = DmrSim.start(DmrSimOptions.defaults()
                .withStations(master, BaseStationSpec.generate(stations, FIRST_PEER, "BS", 1, PASSPHRASE, 0))
                .withPlacement(DmrSimOptions.Placement.STREET, Set.of()).withPingInterval(Duration.ofSeconds(1))
                .withRadios(DmrRadioBehaviour.defaults().withTwoBurstAckFraction(0.0))
                .withBehaviour(17, ScenarioRun.PROMPT), units, truth)) {
            Map<String, String> slotOf = new HashMap<>();
            for (Unit unit : units) {
                sim.placeOf(unit.dmrId()).ifPresent(p -> slotOf.put(unit.unitId(), p.peerId() + "/" + p.slot()));
            }
            GatewayProcess.Settings settings = new GatewayProcess.Settings(gatewayId, broker.url(),
                    links(master, slotOf), Map.of("hbp.passphrase", PASSPHRASE + "\n"), gatewayJvm);
            try (GatewayProcess gateway = GatewayProcess.start(settings, units);
                 AckListener platform = new AckListener(broker.url(), gateway.base)) {
                awaitStations(sim);
                ScenarioRun.awaitSettled(gateway, "dmr");
                double cpuBefore = gateway.cpuSeconds();
                long from = System.nanoTime();
                MusterCall call = MusterCall.run(platform, gateway.base, "{\"type\":\"all\"}",
                        "\"attempt_timeout_ms\":" + ATTEMPT_TIMEOUT_MS + ",\"retries\":" + RETRIES + ",",
                        "bench-dmr-city");
                double cpu = gateway.cpuSeconds() - cpuBefore;
                double[] floor = new double[1];
                String slowest = slowestSlot(call.result(), slotOf, floor);
                return new Result(units.size(), stations, gateway.readyMillis(), call.acked(),
                        call.result().path("duration_ms").asDouble(), floor[0], slowest,
                        accuracy(call.result(), truth.entries(), from), cpu, gateway.procStatusMiB("VmHWM"),
                        gateway.heapUsedMiB(), (long) gateway.metric("outpost_mqtt_dropped_total", ""));
            }
        }
    }

    /** The units, each with a DMR id (the generator gives only some units one). */
    private static List<Unit> withRadios(List<Unit> units) {
        List<Unit> out = new ArrayList<>(units.size());
        int spare = SPARE_DMR_IDS;
        for (Unit u : units) {
            out.add(u.dmrId() != null ? u : new Unit(u.unitId(), u.name(), u.unitClass(), u.street(), u.lat(), u.lon(),
                    spare++, u.issi(), u.fleetsyncId(), u.pocUser(), u.lifecycle(), u.staff()));
        }
        return out;
    }

    private static String links(InetSocketAddress master, Map<String, String> slotOf) {
        Map<String, List<String>> bySlot = new LinkedHashMap<>();
        slotOf.forEach((unit, slot) -> bySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(unit));
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "  - id: dmr",
                "    type: hbp-master",
                "    listen: 127.0.0.1:" + master.getPort(),
                "    passphrase_file: hbp.passphrase",
                "    slots_in_flight: 1",
                "    call_rate: 8.333",
                "    dispatcher_id: 4699999",
                "    routes:",
                ""));
        bySlot.forEach((slot, ids) -> yaml.append("      - { peer: ").append(slot.split("/")[0]).append(", slot: ")
                .append(slot.split("/")[1]).append(", units: [").append(String.join(", ", ids)).append("] }\n"));
        return yaml.toString();
    }

    /** The slowest slot's floor goes into {@code floorMs[0]}; returns that slot. */
    private static String slowestSlot(JsonNode result, Map<String, String> slotOf, double[] floorMs) {
        Map<String, int[]> perSlot = new HashMap<>();
        for (JsonNode row : result.path("rows")) {
            String outcome = row.path("outcome").asText();
            String slot = slotOf.get(row.path("unit_id").asText());
            if (slot != null && (outcome.equals("acked") || outcome.equals("no_answer"))) {
                int[] counts = perSlot.computeIfAbsent(slot, k -> new int[2]);
                counts[0]++;
                counts[1] += outcome.equals("no_answer") ? 1 : 0;
            }
        }
        String slowest = "";
        for (Map.Entry<String, int[]> e : perSlot.entrySet()) {
            double ms = e.getValue()[0] * CHECK_MS + (e.getValue()[1] > 0 ? RETRIES * ATTEMPT_TIMEOUT_MS : 0);
            if (ms > floorMs[0]) {
                floorMs[0] = ms;
                slowest = e.getKey();
            }
        }
        return slowest;
    }

    /**
     * |gateway latency - (repeater sent the ack's DMRD - the check's DMRD reached the repeater)|: the truth plus the
     * air time and slot wait, which is what the gateway can see (as DmrPollMusterEndToEndTest holds it to).
     */
    private static Latencies.Summary accuracy(JsonNode result, List<TruthEntry> truth, long fromNanos) {
        Map<String, TruthEntry.DmrDelivered> firstCall = new HashMap<>();
        Map<String, TruthEntry.DmrReplied> firstReply = new HashMap<>();
        for (TruthEntry e : truth) {
            if (e instanceof TruthEntry.DmrDelivered d && d.kind().equals("radio_check")
                    && d.arrivedMonoNanos() >= fromNanos) {
                firstCall.merge(d.unitId(), d, (a, b) -> a.arrivedMonoNanos() <= b.arrivedMonoNanos() ? a : b);
            } else if (e instanceof TruthEntry.DmrReplied r && r.kind().equals("radio_check")
                    && r.reachMonoNanos() >= fromNanos) {
                firstReply.merge(r.unitId(), r, (a, b) -> a.sentMonoNanos() <= b.sentMonoNanos() ? a : b);
            }
        }
        Latencies errors = new Latencies();
        for (JsonNode row : result.path("rows")) {
            String unit = row.path("unit_id").asText();
            if (row.path("outcome").asText().equals("acked") && firstReply.containsKey(unit)
                    && firstCall.containsKey(unit)) {
                long expected = firstReply.get(unit).sentMonoNanos() - firstCall.get(unit).arrivedMonoNanos();
                errors.record(Math.abs(Math.round(row.path("latency_ms").asDouble() * 1e6) - expected));
            }
        }
        return errors.summary();
    }

    private static void awaitStations(RunningDmrSim sim) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!sim.stations().stream().allMatch(s -> s.state() == HbpPeerState.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("base stations did not all log in within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static int freeUdpPort() throws java.net.SocketException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
