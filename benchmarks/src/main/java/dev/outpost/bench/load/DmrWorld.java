package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.simulator.LoopbackPorts;
import dev.outpost.simulator.dmr.BaseStationSpec;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.dmr.DmrSim;
import dev.outpost.simulator.dmr.DmrSimOptions;
import dev.outpost.simulator.dmr.RunningDmrSim;
import dev.outpost.simulator.truth.DmrExchanges;
import dev.outpost.simulator.truth.GroundTruth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Simulated DMR base stations (two slots each) with a radio for every unit, logged in to a gateway process whose
 * {@code hbp-master} link routes each slot's units ({@code slots_in_flight: 1}), and a platform subscriber. Every
 * radio acks a radio check with one burst, {@link ScenarioRun#PROMPT} after hearing it. Closing stops all three.
 */
final class DmrWorld implements AutoCloseable {
    private static final long FIRST_PEER = 311_000_101L;
    private static final String PASSPHRASE = "bench-pass";
    private static final int SPARE_DMR_IDS = 4_800_000;
    /** What one radio check and its one-burst ack hold a slot for (two 60 ms bursts): ~8.33 checks/s a slot. */
    static final double CHECK_MS = 120.0;
    static final double CHECKS_PER_SLOT_SECOND = 1_000.0 / CHECK_MS;

    final List<Unit> units;
    final GroundTruth truth = GroundTruth.inMemory(GroundTruth.DEFAULT_MAX_ENTRIES);
    final RunningDmrSim sim;
    /** Unit id to {@code peer/slot}. */
    final Map<String, String> slotOf = new HashMap<>();
    final GatewayProcess gateway;
    final AckListener platform;

    private DmrWorld(List<Unit> units, int stations, DmrSimOptions.Placement placement, double callRate,
                     String brokerUrl, List<String> gatewayJvm) throws Exception {
        this.units = withRadios(units);
        InetSocketAddress master = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                LoopbackPorts.freeUdpPortOutsideEphemeralRange());
        String gatewayId = "bench-dmr-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        // The stations keep retrying their login until the gateway listens.
        this.sim = DmrSim.start(DmrSimOptions.defaults()
                .withStations(master, BaseStationSpec.generate(stations, FIRST_PEER, "BS", 1, PASSPHRASE, 0))
                .withPlacement(placement, Set.of()).withPingInterval(Duration.ofSeconds(1))
                .withRadios(DmrRadioBehaviour.defaults().withTwoBurstAckFraction(0.0))
                .withBehaviour(17, ScenarioRun.PROMPT), this.units, truth);
        GatewayProcess started = null;
        try {
            for (Unit unit : this.units) {
                sim.placeOf(unit.dmrId()).ifPresent(p -> slotOf.put(unit.unitId(), p.peerId() + "/" + p.slot()));
            }
            started = GatewayProcess.start(new GatewayProcess.Settings(gatewayId, brokerUrl,
                    links(master, slotOf, callRate), Map.of("hbp.passphrase", PASSPHRASE + "\n"), gatewayJvm),
                    this.units);
            this.gateway = started;
            this.platform = new AckListener(brokerUrl, started.base);
        } catch (Exception e) {
            if (started != null) {
                started.close();
            }
            sim.close();
            throw e;
        }
    }

    /**
     * Starts the world and waits (bounded) until every station runs and the gateway's link is up with an empty
     * MQTT queue.
     *
     * @param callRate each slot's {@code call_rate} (calls/s)
     */
    static DmrWorld start(BenchBroker broker, List<Unit> units, int stations, DmrSimOptions.Placement placement,
                          double callRate, List<String> gatewayJvm) throws Exception {
        DmrWorld world = new DmrWorld(units, stations, placement, callRate, broker.url(), gatewayJvm);
        try {
            world.awaitStations();
            ScenarioRun.awaitSettled(world.gateway, "dmr");
            return world;
        } catch (Exception e) {
            world.close();
            throw e;
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

    private static String links(InetSocketAddress master, Map<String, String> slotOf, double callRate) {
        Map<String, List<String>> bySlot = new LinkedHashMap<>();
        slotOf.forEach((unit, slot) -> bySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(unit));
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "  - id: dmr",
                "    type: hbp-master",
                "    listen: 127.0.0.1:" + master.getPort(),
                "    passphrase_file: hbp.passphrase",
                "    slots_in_flight: 1",
                "    call_rate: " + String.format(Locale.ROOT, "%.3f", callRate),
                "    dispatcher_id: 4699999",
                "    routes:",
                ""));
        bySlot.forEach((slot, ids) -> yaml.append("      - { peer: ").append(slot.split("/")[0]).append(", slot: ")
                .append(slot.split("/")[1]).append(", units: [").append(String.join(", ", ids)).append("] }\n"));
        return yaml.toString();
    }

    /**
     * Each unit's first radio check since {@code fromNanos} (reached the repeater) and first answer (the repeater
     * sent its DMRD): the answer's send instant, and as expected latency the answer's send minus the check's arrival
     * (the truth plus air time and slot wait: what the gateway can see, as DmrPollMusterEndToEndTest holds it to).
     */
    Map<String, AckMatch.UnitTruth> truthSince(long fromNanos) {
        Map<String, AckMatch.UnitTruth> out = new HashMap<>();
        DmrExchanges.since(truth.entries(), "radio_check", fromNanos).forEach((unit, exchange) ->
                out.put(unit, new AckMatch.UnitTruth(exchange.answer().sentMonoNanos(), exchange.expectedNanos())));
        return out;
    }

    /** |gateway latency - expected| of every acked unit of a muster's result, against {@link #truthSince}. */
    static Latencies.Summary accuracy(JsonNode result, Map<String, AckMatch.UnitTruth> truth) {
        Latencies errors = new Latencies();
        for (JsonNode row : result.path("rows")) {
            AckMatch.UnitTruth unit = truth.get(row.path("unit_id").asText());
            if (row.path("outcome").asText().equals("acked") && unit != null) {
                errors.record(Math.abs(Math.round(row.path("latency_ms").asDouble() * 1e6) - unit.expectedNanos()));
            }
        }
        return errors.summary();
    }

    private void awaitStations() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!sim.stations().stream().allMatch(s -> s.state() == HbpPeerState.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("base stations did not all log in within 60 s");
            }
            Thread.sleep(50);
        }
    }


    @Override
    public void close() throws Exception {
        try {
            platform.close();
        } finally {
            try {
                gateway.close();
            } finally {
                sim.close();
            }
        }
    }
}
