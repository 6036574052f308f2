package dev.outpost.gateway.e2e;

import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.testsupport.SocatPty;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import dev.outpost.simulator.tetra.TetraRadioSim;
import dev.outpost.simulator.truth.GroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A TETRA radio simulated in-process behind a PEI, reached by a gateway started from its config file (as
 * {@code outpost run}) with a {@code pei} link, over a real socat pty pair or over the radio's TCP port (a device
 * server), talking to a real Mosquitto.
 */
final class PeiE2eWorld implements AutoCloseable {
    static final String LINK = "tetra";
    static final int BAUD = 9600;
    /** jSerialComm's native library loads once per JVM: the directory every gateway test uses. */
    static final Path NATIVE = Path.of("target", "jserialcomm-native").toAbsolutePath();

    final String gatewayId = E2eWorld.newGatewayId();
    final String base = "outpost/" + gatewayId;
    final List<Unit> units;
    final GroundTruth truth = GroundTruth.inMemory(GroundTruth.DEFAULT_MAX_ENTRIES);
    final SocatPty pty;
    final TetraRadioSim radio;
    final GatewayApp gateway;

    /** @param overPty true: a socat pty pair; false: the radio's TCP port */
    PeiE2eWorld(Path dir, String brokerUrl, List<Unit> units, boolean overPty) throws Exception {
        this.units = units;
        this.pty = overPty ? SocatPty.start() : null;
        SimulatorOptions sim = SimulatorOptions.defaults().withBehaviour(42,
                BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofMillis(400)));
        RadioEndpoint endpoint = overPty ? new RadioEndpoint.Pty(pty.b()) : RadioEndpoint.Tcp.loopback(0);
        TetraRadioSim started = null;
        try {
            started = TetraRadioSim.start(sim, PeiRadioOptions.defaults(endpoint), units, truth);
            E2eWorld.writeUnits(dir, units);
            Path config = dir.resolve("gateway.yaml");
            String port = overPty ? "port: " + pty.a() : "tcp: 127.0.0.1:" + started.tcpPort().getAsInt();
            Files.writeString(config, String.join("\n",
                    "gateway: { id: " + gatewayId + " }",
                    "mqtt:",
                    "  url: " + brokerUrl,
                    "  version: 5",
                    "  reconnect: { min: 100ms, max: 2s }",
                    "units: { file: units.csv }",
                    "storage: { state_dir: state }",
                    "links:",
                    "  - id: " + LINK,
                    "    type: pei",
                    "    " + port,
                    "    baud: " + BAUD,
                    "    native_lib_dir: " + NATIVE,
                    "    reconnect: { min: 100ms, max: 1s }",
                    "    command_timeout: 2s",
                    "    poll: status",
                    "    poll_status: \"8000\"",
                    "    statuses: { \"8002\": present, \"8003\": busy }",
                    "    ack_statuses: [\"8002\"]",
                    "log: { level: warn }",
                    ""));
            this.radio = started;
            this.gateway = GatewayLauncher.start(config, GatewayClock.system(), "test");
        } catch (Exception e) {
            if (started != null) {
                started.close();
            }
            if (pty != null) {
                pty.close();
            }
            throw e;
        }
    }

    /** {@code count} Tianhe units, each with a TETRA ISSI (units the generator gave none get a spare one). */
    static List<Unit> unitsWithIssis(long seed, int count) {
        List<Unit> out = new ArrayList<>();
        long spare = 2_340_001L;
        for (Unit u : TianheRegistryGenerator.scale(seed, count)) {
            out.add(u.issi() != null ? u : new Unit(u.unitId(), u.name(), u.unitClass(), u.street(), u.lat(), u.lon(),
                    u.dmrId(), spare++, u.fleetsyncId(), u.pocUser(), u.lifecycle(), u.staff()));
        }
        return out;
    }

    void awaitReady(MqttProbe platform, Duration limit) throws InterruptedException {
        platform.await(r -> r.topic().equals(base + "/status") && r.text().contains("\"online\""), limit);
        platform.await(r -> r.topic().equals(base + "/link/" + LINK + "/state") && r.text().contains("\"up\""), limit);
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            try {
                radio.close();
            } finally {
                if (pty != null) {
                    pty.close();
                }
            }
        }
    }
}
