package dev.outpost.bench.load;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.SerialSettings;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import dev.outpost.simulator.tetra.TetraRadioSim;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated TETRA radio behind its PEI on one end of a socat pty pair, a gateway process with a {@code pei} link
 * on the other end, and a platform subscriber. The radio's line runs at {@code lineBaud} 8N1 (it sends no faster);
 * the gateway's {@code baud} only sets its call pace on a pty (a pty has no line speed), 50 bytes a call.
 */
final class PeiWorld implements AutoCloseable {
    static final String LINK = "tetra";
    /** Radio to gateway per call besides the unit's answer: prompt (4), {@code +CMGS} (16) and {@code OK} (6). */
    static final int RADIO_BYTES_PER_CALL = 4 + 16 + 6;
    /** The gateway's pace: 50 bytes per call at its configured baud (PeiLinkOptions.BYTES_PER_CALL). */
    static final int GATEWAY_BYTES_PER_CALL = 50;
    private static final long SPARE_ISSIS = 2_340_001L;

    final List<Unit> units;
    final GroundTruth truth;
    private final BenchPty pty;
    private final TetraRadioSim radio;
    final GatewayProcess gateway;
    final AckListener platform;

    private PeiWorld(BenchPty pty, TetraRadioSim radio, GroundTruth truth, List<Unit> units, GatewayProcess gateway,
                     AckListener platform) {
        this.truth = truth;
        this.pty = pty;
        this.radio = radio;
        this.units = units;
        this.gateway = gateway;
        this.platform = platform;
    }

    /** Starts everything and waits (bounded) until the link is up; closes what it started if something fails. */
    static PeiWorld start(Path socat, BenchBroker broker, int unitCount, int lineBaud, int gatewayBaud,
                          List<String> gatewayJvm) throws Exception {
        List<Unit> units = withIssis(ScenarioRun.units(unitCount));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            BenchPty pty = BenchPty.start(socat);
            started.add(pty);
            GroundTruth truth = GroundTruth.inMemory(GroundTruth.DEFAULT_MAX_ENTRIES);
            TetraRadioSim radio = TetraRadioSim.start(SimulatorOptions.defaults().withBehaviour(17, ScenarioRun.PROMPT),
                    PeiRadioOptions.defaults(new RadioEndpoint.Pty(pty.b()))
                            .withSerial(SerialSettings.of8N1(lineBaud)), units, truth);
            started.add(radio);
            String gatewayId = "bench-pei-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
            GatewayProcess gateway = GatewayProcess.start(new GatewayProcess.Settings(gatewayId, broker.url(),
                    link(pty.a(), gatewayBaud), Map.of(), gatewayJvm), units);
            started.add(gateway);
            AckListener platform = new AckListener(broker.url(), gateway.base);
            started.add(platform);
            try {
                ScenarioRun.awaitSettled(gateway, LINK);
            } catch (IllegalStateException e) {
                String log = gateway.log();
                throw new IllegalStateException(e.getMessage() + "; the gateway's log, last lines:\n"
                        + log.substring(Math.max(0, log.length() - 4_000)), e);
            }
            return new PeiWorld(pty, radio, truth, units, gateway, platform);
        } catch (Exception e) {
            closeAll(started);
            throw e;
        }
    }

    private static String link(Path port, int baud) {
        return String.join("\n",
                "  - id: " + LINK,
                "    type: pei",
                "    port: " + port,
                "    baud: " + baud,
                "    reconnect: { min: 100ms, max: 1s }",
                "    command_timeout: 2s",
                "    poll: status",
                "    poll_status: \"8000\"",
                "");
    }

    /** The units, each with a TETRA ISSI (the generator gives only some units one). */
    private static List<Unit> withIssis(List<Unit> units) {
        List<Unit> out = new ArrayList<>(units.size());
        long spare = SPARE_ISSIS;
        for (Unit u : units) {
            out.add(u.issi() != null ? u : new Unit(u.unitId(), u.name(), u.unitClass(), u.street(), u.lat(), u.lon(),
                    u.dmrId(), spare++, u.fleetsyncId(), u.pocUser(), u.lifecycle(), u.staff()));
        }
        return out;
    }

    /**
     * Each unit's first answer since the truth was last cleared: sent when its last byte left the radio (the gateway
     * can have it no earlier), and as expected latency that instant minus the radio reading the poll's body.
     */
    Map<String, AckMatch.UnitTruth> truth() {
        Map<String, TruthEntry.ReplySent> first = new HashMap<>();
        for (TruthEntry.ReplySent r : truth.entries(TruthEntry.ReplySent.class)) {
            first.merge(r.unitId(), r, (a, b) -> a.recvMonoNanos() <= b.recvMonoNanos() ? a : b);
        }
        Map<String, AckMatch.UnitTruth> out = new HashMap<>();
        first.forEach((unit, r) -> out.put(unit, new AckMatch.UnitTruth(r.lastByteMonoNanos(),
                r.lastByteMonoNanos() - r.recvMonoNanos())));
        return out;
    }

    /** The mean length of the units' answers on the line, in bytes (0 when none). */
    double meanReplyBytes() {
        return truth.entries(TruthEntry.ReplySent.class).stream().mapToInt(TruthEntry.ReplySent::wireBytes)
                .average().orElse(0);
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // closing after a failure; the failure is what gets reported
            }
        }
    }

    @Override
    public void close() {
        closeAll(List.of(pty, radio, gateway, platform));
    }
}
