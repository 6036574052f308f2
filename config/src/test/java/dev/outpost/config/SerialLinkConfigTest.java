package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pei and fleetsync link types: port XOR tcp, line settings, status meanings, mistakes at file:line. */
class SerialLinkConfigTest {
    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("serial.yaml");
    /** Lines 1-7; links follow from line 8. */
    private static final String HEAD = """
            gateway:
              id: gw
            mqtt:
              url: tcp://127.0.0.1:1883
            units:
              file: units.csv
            links:
            """;

    private static LoadResult load(String links) {
        return ConfigLoader.parse(FILE, HEAD + links);
    }

    @Test
    void peiOnALocalPortTakesDefaults() {
        OutpostConfig config = load("""
                  - id: tetra
                    type: pei
                    port: /dev/serial/by-id/usb-FTDI_FT232R_A10K1ABC-if00-port0
                """).orElseThrow();

        PeiLinkSettings pei = assertInstanceOf(PeiLinkSettings.class, config.links().get(0));
        SerialPortSettings s = pei.serial();
        assertEquals(Optional.of(Path.of("/dev/serial/by-id/usb-FTDI_FT232R_A10K1ABC-if00-port0")), s.device());
        assertEquals(Optional.empty(), s.tcp());
        assertEquals(9600, s.baud());
        assertEquals(8, s.dataBits());
        assertEquals("none", s.parity());
        assertEquals("1", s.stopBits());
        assertEquals("none", s.flowControl());
        assertEquals(Optional.empty(), s.nativeLibDir());
        assertEquals(Duration.ofMillis(200), s.reconnectMin());
        assertEquals(Duration.ofSeconds(4), s.reconnectMax());
        assertEquals(Duration.ofSeconds(5), s.commandTimeout());
        assertEquals(PeiLinkSettings.PollMode.STATUS, pei.poll());
        assertEquals(0x8000, pei.pollStatus());
        assertEquals(0x8001, pei.confirmStatus());
        assertEquals(StatusMeanings.none(), pei.statuses());
    }

    @Test
    void peiOverTcpBindsEveryKey() {
        OutpostConfig config = load("""
                  - id: tetra
                    type: pei
                    tcp: 10.0.0.5:4001
                    baud: 38400
                    data_bits: 7
                    parity: even
                    stop_bits: 2
                    flow_control: rts-cts
                    native_lib_dir: native
                    reconnect: { min: 100ms, max: 2s }
                    command_timeout: 3s
                    poll: sds
                    poll_status: "8004"
                    confirm_status: "80aa"
                    statuses: { "8002": present, "8003": arrived, "8005": busy }
                    ack_statuses: ["8002", "8003"]
                """).orElseThrow();

        PeiLinkSettings pei = assertInstanceOf(PeiLinkSettings.class, config.links().get(0));
        SerialPortSettings s = pei.serial();
        assertEquals(Optional.of(new HostPort("10.0.0.5", 4001)), s.tcp());
        assertEquals(List.of(38400, 7, "even", "2", "rts-cts"), List.of(s.baud(), s.dataBits(), s.parity(),
                s.stopBits(), s.flowControl()));
        assertEquals(Optional.of(FILE.resolveSibling("native").normalize()), s.nativeLibDir());
        assertEquals(Duration.ofSeconds(2), s.reconnectMax());
        assertEquals(Duration.ofSeconds(3), s.commandTimeout());
        assertEquals(PeiLinkSettings.PollMode.SDS, pei.poll());
        assertEquals(0x8004, pei.pollStatus());
        assertEquals(0x80AA, pei.confirmStatus());
        assertEquals(Map.of(0x8002, "present", 0x8003, "arrived", 0x8005, "busy"), pei.statuses().meanings());
        assertEquals(Set.of(0x8002, 0x8003), pei.statuses().ackStatuses());
        assertEquals(Optional.of("busy"), pei.statuses().meaning(0x8005));
        assertTrue(pei.statuses().isAck(0x8003));
    }

    @Test
    void fleetSyncBindsDecimalStatuses() {
        OutpostConfig config = load("""
                  - id: kenwood
                    type: fleetsync
                    port: /dev/ttyUSB1
                    stop_bits: 2
                    statuses: { "10": present, "20": arrived }
                """).orElseThrow();

        FleetSyncLinkSettings fs = assertInstanceOf(FleetSyncLinkSettings.class, config.links().get(0));
        assertEquals("2", fs.serial().stopBits());
        assertEquals(Map.of(10, "present", 20, "arrived"), fs.statuses().meanings());
    }

    @Test
    void serialExampleIsValid() {
        LoadResult result = ConfigLoader.load(Path.of("../examples/gateway-serial.yaml"));
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("pei", "fleetsync"), result.orElseThrow().links().stream().map(LinkSettings::type)
                .toList());
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        LoadResult result = load("""
                  - id: tetra
                    type: pei
                    port: /dev/ttyUSB0
                    tcp: 10.0.0.5:4001
                    parity: evn
                    poll: voice
                    statuses: { "80020": present, "8003": Arrived }
                  - id: kenwood
                    type: fleetsync
                    port: ttyUSB1
                    baud: 10
                  - id: bare
                    type: pei
                """);

        assertEquals(List.of(
                "11:5 give either 'port' (a local device) or 'tcp' (a device server), not both",
                "12:13 'parity' must be one of even, mark, none, odd, space; got 'evn', did you mean 'even'?",
                "13:11 'poll' must be one of sds, status; got 'voice'",
                "14:17 status '80020' is not valid: four hex digits, quoted, e.g. \"8002\"",
                "14:43 the meaning of status '8003' must be a word of a-z, 0-9, '_' and '-' (e.g. present, arrived, "
                        + "busy), not the string 'Arrived'",
                "17:5 'port' must be an absolute device path, got 'ttyUSB1'",
                "18:11 'baud' must be in 50..4000000, got 10",
                "19:5 missing required key 'port' or 'tcp' in 'links[2]'"),
                positions(result.errors()).stream().map(SerialLinkConfigTest::brief).toList());
    }

    private static String brief(String problem) {
        int hint = problem.indexOf(" (hint");
        return hint < 0 ? problem : problem.substring(0, hint);
    }
}
