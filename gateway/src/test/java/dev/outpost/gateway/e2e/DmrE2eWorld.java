package dev.outpost.gateway.e2e;

import dev.outpost.config.TimingSettings;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.TimingThreads;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.simulator.LoopbackPorts;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.dmr.BaseStationSpec;
import dev.outpost.simulator.dmr.DmrRadioBehaviour;
import dev.outpost.simulator.dmr.DmrSim;
import dev.outpost.simulator.dmr.DmrSimOptions;
import dev.outpost.simulator.dmr.RadioPlace;
import dev.outpost.simulator.dmr.RunningDmrSim;
import dev.outpost.simulator.truth.GroundTruth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DMR variant of {@link E2eWorld}: simulated base stations (HBP peers, two slots each, radios behind them) and a
 * gateway with an {@code hbp-master} link, started from config files through the same launcher as {@code outpost run},
 * talking to a real broker. The gateway's routes name, per repeater slot, the units the simulator put behind it.
 */
final class DmrE2eWorld implements AutoCloseable {
    static final String LINK = "dmr";
    static final long FIRST_PEER = 311_000_101L;
    static final int DISPATCHER = 4_699_999;

    final String gatewayId = E2eWorld.newGatewayId();
    final String base = "outpost/" + gatewayId;
    final List<Unit> units;
    final GroundTruth truth = GroundTruth.inMemory(GroundTruth.DEFAULT_MAX_ENTRIES);
    final RunningDmrSim sim;
    /** The simulator's stamping thread, real-time when the system allows, as the gateway's is. */
    final TimingThreads simulatorTiming = TimingThreads.of(TimingSettings.defaults());
    final Map<String, RadioPlace> places = new LinkedHashMap<>();
    final GatewayApp gateway;

    /** @param talkgroup the talkgroup the radios answer voice calls on (and the routes name), or 0 for any */
    DmrE2eWorld(Path dir, String brokerUrl, List<Unit> units, int stations, long seed, BehaviourOptions behaviour,
                DmrRadioBehaviour radios, int talkgroup, String musterYaml) throws Exception {
        this.units = units;
        InetSocketAddress master = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                LoopbackPorts.freeUdpPortOutsideEphemeralRange());
        // The stations start first and keep retrying their login (every second) until the gateway listens.
        this.sim = DmrSim.start(DmrSimOptions.defaults()
                .withStations(master, BaseStationSpec.generate(stations, FIRST_PEER, "BS", 1, "e2e-pass", 0))
                .withPlacement(DmrSimOptions.Placement.STREET, talkgroup == 0 ? Set.of() : Set.of(talkgroup))
                .withPingInterval(Duration.ofSeconds(1)).withRadios(radios).withBehaviour(seed, behaviour),
                units, truth, simulatorTiming::named);
        try {
            for (Unit unit : units) {
                sim.placeOf(unit.dmrId()).ifPresent(place -> places.put(unit.unitId(), place));
            }
            E2eWorld.writeUnits(dir, units);
            Files.writeString(dir.resolve("hbp.passphrase"), "e2e-pass\n");
            Path config = dir.resolve("gateway.yaml");
            Files.writeString(config, gatewayConfig(brokerUrl, master, talkgroup, musterYaml));
            this.gateway = GatewayLauncher.start(config, GatewayClock.system(), "test");
        } catch (Exception e) {
            sim.close();
            throw e;
        }
    }

    /** The repeater slot a unit's radio lives behind, as {@code <peer>/<slot>} (the link's channel name). */
    String slotOf(String unitId) {
        RadioPlace place = places.get(unitId);
        return place == null ? null : place.peerId() + "/" + place.slot();
    }

    private String gatewayConfig(String brokerUrl, InetSocketAddress master, int talkgroup, String musterYaml) {
        Map<String, List<String>> bySlot = new LinkedHashMap<>();
        places.forEach((unitId, place) -> bySlot.computeIfAbsent(place.peerId() + "/" + place.slot(),
                k -> new ArrayList<>()).add(unitId));
        StringBuilder routes = new StringBuilder();
        bySlot.forEach((slot, ids) -> routes.append("      - { peer: ").append(slot.split("/")[0])
                .append(", slot: ").append(slot.split("/")[1])
                .append(talkgroup == 0 ? "" : ", talkgroup: " + talkgroup)
                .append(", units: [").append(String.join(", ", ids)).append("] }\n"));
        return String.join("\n",
                "gateway: { id: " + gatewayId + " }",
                "mqtt:",
                "  url: " + brokerUrl,
                "  version: 5",
                "  reconnect: { min: 100ms, max: 2s }",
                "units: { file: units.csv }",
                "storage: { state_dir: state }",
                "links:",
                "  - id: " + LINK,
                "    type: hbp-master",
                "    listen: 127.0.0.1:" + master.getPort(),
                "    passphrase_file: hbp.passphrase",
                "    slots_in_flight: 1",
                "    call_rate: 8.333",
                "    dispatcher_id: " + DISPATCHER,
                "    routes:",
                routes.toString(),
                musterYaml,
                "log: { level: warn }",
                "");
    }

    /** Waits until every base station is logged in and running (the gateway then knows their slots). */
    void awaitStations(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (sim.stations().stream().allMatch(s -> s.state() == HbpPeerState.RUNNING)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("base stations did not all log in: " + sim.stations());
    }


    StampingPriority stamping() {
        return new StampingPriority(gateway, simulatorTiming);
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            sim.close();
        }
    }
}
