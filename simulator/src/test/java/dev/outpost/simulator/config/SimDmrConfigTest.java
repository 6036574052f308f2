package dev.outpost.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.simulator.behaviour.DelayDistribution;
import dev.outpost.simulator.dmr.DmrSimOptions;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimDmrConfigTest {
    private static final String HXT = "hxt: {token: t}\nunits: {generate: {count: 10}}\n";

    @TempDir
    Path dir;

    private SimConfig load(String yaml) throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, yaml);
        return SimConfigLoader.load(file, k -> null);
    }

    @Test
    void loadsTheShippedDmrExample() throws Exception {
        DmrSimOptions dmr = SimConfigLoader.load(Path.of("..", "examples", "sim-dmr.yaml")).options().dmr();
        assertEquals(20, dmr.stations().size());
        assertEquals(62032, dmr.simulatedMaster().port());
    }

    @Test
    void anHxtOnlyConfigHasNoDmrWorld() throws Exception {
        assertNull(load(HXT).options().dmr());
    }

    @Test
    void generatedStationsAgainstAMasterAndASimulatedMaster() throws Exception {
        Files.writeString(dir.resolve("dmr.pass"), "passw0rd\n");
        DmrSimOptions dmr = load(HXT + """
                dmr:
                  master: 127.0.0.1:62031
                  passphrase_file: dmr.pass
                  base_stations: {count: 20, first_peer_id: 311000101, wrong_passphrase: 1}
                  placement: round_robin
                  talkgroups: [91]
                  ping_interval: 5s
                  radio_check: {two_burst_fraction: 0.25}
                  voice:
                    never_answer_fraction: 0.1
                    key_up: {distribution: fixed, delay: 800ms}
                  simulated_master: {port: 0, passphrase: m, traffic_interval: 20s, traffic_talkgroup: 3100}
                """).options().dmr();
        assertEquals(new InetSocketAddress("127.0.0.1", 62031), dmr.master());
        assertEquals(20, dmr.stations().size());
        assertEquals("passw0rd", dmr.stations().get(0).passphrase());
        assertTrue(!dmr.stations().get(19).passphrase().equals("passw0rd"), "the last one is mis-keyed");
        assertEquals(DmrSimOptions.Placement.ROUND_ROBIN, dmr.placement());
        assertEquals(Set.of(91), dmr.talkgroups());
        assertEquals(Duration.ofSeconds(5), dmr.pingInterval());
        assertEquals(0.25, dmr.radios().twoBurstAckFraction());
        assertEquals(new DelayDistribution.Fixed(Duration.ofMillis(800)), dmr.radios().keyUpDelay());
        assertEquals(3100, dmr.simulatedMaster().trafficTalkgroup());
        assertEquals(Duration.ofSeconds(20), dmr.simulatedMaster().trafficInterval());
        assertTrue(!dmr.toString().contains("passw0rd"));
    }

    @Test
    void listedStationsKeepTheirStreetsAndOwnPassphrase() throws Exception {
        DmrSimOptions dmr = load(HXT + """
                dmr:
                  master: 127.0.0.1:62031
                  passphrase: p
                  stations:
                    - {peer_id: 1001, callsign: BS1, streets: [Shahe, Linhe]}
                    - {peer_id: 1002, callsign: BS2, passphrase: wrong}
                """).options().dmr();
        assertEquals(List.of("Shahe", "Linhe"), dmr.stations().get(0).streets());
        assertEquals("wrong", dmr.stations().get(1).passphrase());
    }

    @Test
    void stationsWithoutAMasterOrAPassphraseAreRefused() {
        SimConfigException noMaster = assertThrows(SimConfigException.class,
                () -> load(HXT + "dmr: {passphrase: p, base_stations: {count: 2}}\n"));
        assertTrue(noMaster.getMessage().contains("master"), noMaster.getMessage());
        SimConfigException noSecret = assertThrows(SimConfigException.class,
                () -> load(HXT + "dmr: {master: '127.0.0.1:1', base_stations: {count: 2}}\n"));
        assertTrue(noSecret.getMessage().contains("passphrase"), noSecret.getMessage());
        SimConfigException typo = assertThrows(SimConfigException.class,
                () -> load(HXT + "dmr: {mastr: '127.0.0.1:1'}\n"));
        assertTrue(typo.getMessage().contains("did you mean"), typo.getMessage());
    }
}
