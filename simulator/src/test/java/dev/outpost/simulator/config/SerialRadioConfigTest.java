package dev.outpost.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.Problem;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.SerialRadios;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.RadioUnits;
import dev.outpost.simulator.serial.SerialSettings;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import dev.outpost.simulator.tetra.TetraRadioSim;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pei_radios and fleetsync_radios sections, and starting them with the simulator. */
@Timeout(30)
class SerialRadioConfigTest {
    private static final String HEAD = "hxt: {token: t, port: 0}\nunits: {generate: {count: 50}}\n";

    @TempDir
    Path dir;

    private SimConfig load(String yaml) throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, HEAD + yaml);
        return SimConfigLoader.load(file, k -> null);
    }

    @Test
    void radiosAreAbsentByDefault() throws Exception {
        assertEquals(SerialRadios.none(), load("").options().radios());
    }

    @Test
    void readsBothRadioKindsWithDefaultsAndResolvesThePtyPath() throws Exception {
        SerialRadios radios = load("""
                pei_radios:
                  - serial: {tcp_port: 7001, baud: 19200}
                    issi: 1234567
                    reply_status: "8003"
                    confirm_statuses: ["8001", "80ff"]
                    voice_group: 9000001
                    talk_time: 2s
                    noise_interval: 10s
                fleetsync_radios:
                  - serial: {pty: run/kenwood}
                    corrupt_fraction: 0.02
                    position_fraction: 0.5
                    ack_status: 15
                    roll_call_every: 1m
                """).options().radios();
        PeiRadioOptions pei = radios.pei().get(0);
        assertEquals(RadioEndpoint.Tcp.loopback(7001), pei.endpoint());
        assertEquals(SerialSettings.of8N1(19200), pei.serial());
        assertEquals(1_234_567, pei.radioIssi());
        assertEquals(0x8003, pei.replyStatus());
        assertEquals(Set.of(0x8001, 0x80FF), pei.confirmStatuses());
        assertEquals(9_000_001, pei.voiceGroup());
        assertEquals(Duration.ofSeconds(2), pei.talkTime());
        assertEquals(Duration.ofSeconds(10), pei.noiseInterval());
        FleetSyncRadioOptions fs = radios.fleetSync().get(0);
        assertEquals(new RadioEndpoint.Pty(dir.toAbsolutePath().resolve("run/kenwood")), fs.endpoint());
        assertEquals(new SerialSettings(9600, SerialSettings.BITS_8N2), fs.serial(), "Kenwood ports run 8N2");
        assertEquals(15, fs.ackStatus());
        assertEquals(Duration.ofMinutes(1), fs.rollCallEvery());
    }

    @Test
    void badRadioEntriesAreRefusedWithTheirSectionsLine() throws Exception {
        Problem both = problem("pei_radios:\n  - serial: {pty: a, tcp_port: 1}\n");
        assertTrue(both.message().contains("exactly one of pty, tcp_port"), both.message());
        assertEquals(3, both.line(), "the section's line");
        Problem status = problem("pei_radios:\n  - serial: {tcp_port: 1}\n    reply_status: \"80G1\"\n");
        assertTrue(status.message().contains("four hex digits"), status.message());
        Problem fraction = problem("fleetsync_radios:\n  - serial: {tcp_port: 1}\n    corrupt_fraction: 2\n");
        assertTrue(fraction.message().contains("corrupt fraction"), fraction.message());
        Problem typo = problem("pei_radios:\n  - serial: {tcp_port: 1}\n    isi: 5\n");
        assertTrue(typo.message().contains("did you mean 'issi'"), typo.message());
    }

    @Test
    void theSimulatorStartsConfiguredRadiosNextToTheHxtServer() throws Exception {
        SimConfig config = load("pei_radios:\n  - serial: {tcp_port: 0, baud: 115200}\n"
                + "fleetsync_radios:\n  - serial: {tcp_port: 0}\n");
        try (RunningSimulator sim = Simulator.start(config.options(), RadioUnits.withOneOnLeave(4))) {
            assertEquals(2, sim.radios().size());
            TetraRadioSim pei = (TetraRadioSim) sim.radios().get(0);
            try (Socket socket = new Socket("127.0.0.1", pei.tcpPort().getAsInt())) {
                socket.getOutputStream().write("AT\r".getBytes(StandardCharsets.US_ASCII));
                assertEquals("AT\r\n\r\nOK\r\n", read(socket.getInputStream(), 10));
            }
            assertTrue(sim.hxtUri().toString().startsWith("ws://127.0.0.1:"));
            assertEquals(5, sim.groundTruth().entries(TruthEntry.UnitTraits.class).size(), "radio units are on PoC");
        }
    }

    private Problem problem(String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, HEAD + yaml);
        SimConfigException e = assertThrows(SimConfigException.class, () -> SimConfigLoader.load(file, k -> null));
        return e.problems().get(0);
    }

    private static String read(InputStream in, int bytes) throws Exception {
        byte[] data = in.readNBytes(bytes);
        return new String(data, StandardCharsets.US_ASCII);
    }
}
