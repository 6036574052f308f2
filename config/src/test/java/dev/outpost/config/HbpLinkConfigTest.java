package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hbp-master and hbp-peer link types: every key bound, defaults as documented, mistakes at file:line. */
class HbpLinkConfigTest {
    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("hbp.yaml");
    /** Lines 1-7; links follow from line 8. */
    private static final String HEAD = TestFiles.REQUIRED_SECTIONS + "links:\n";

    private static LoadResult load(String links) {
        return ConfigLoader.parse(FILE, HEAD + links);
    }

    @Test
    void masterWithSharedPassphraseTakesDefaults() {
        OutpostConfig config = load("""
                  - id: dmr
                    type: hbp-master
                    passphrase_file: hxt.token
                """).orElseThrow();

        HbpMasterLinkSettings m = assertInstanceOf(HbpMasterLinkSettings.class, config.links().get(0));
        assertEquals(new HostPort("127.0.0.1", 62031), m.listen());
        assertEquals(Optional.of(SecretRef.file(FILE.resolveSibling("hxt.token").normalize())), m.passphrase());
        assertEquals(List.of(), m.peers());
        assertEquals(Duration.ofSeconds(10), m.pingTimeout());
        assertEquals(3, m.missedPings());
        assertEquals(Duration.ofSeconds(15), m.loginTimeout());
        assertEquals(1, m.slotsInFlight());
        assertEquals(8.0, m.callRate());
        assertEquals(Optional.empty(), m.dispatcherId());
        assertEquals(9, m.radioId());
        assertEquals(Duration.ofMillis(360), m.streamTimeout());
        assertEquals(List.of(), m.routes());
    }

    @Test
    void dmrExampleIsValid() {
        LoadResult result = ConfigLoader.load(Path.of("../examples/gateway-dmr.yaml"));

        assertEquals(List.of(), result.problems());
        HbpMasterLinkSettings m = (HbpMasterLinkSettings) result.orElseThrow().links().get(0);
        assertEquals("demo-passphrase", m.passphrase().orElseThrow().resolve());
        assertEquals(3, m.routes().size());
        assertFalse(m.toString().contains("demo-passphrase"), m.toString());
    }

    @Test
    void masterBindsEveryKey() {
        OutpostConfig config = load("""
                  - id: dmr
                    type: hbp-master
                    listen: 0.0.0.0:62100
                    peers:
                      - { id: 312000, passphrase_file: hxt.token }
                      - { id: 312001, passphrase_env: RPT_PASS }
                    ping_timeout: 5s
                    missed_pings: 4
                    login_timeout: 20s
                    slots_in_flight: 2
                    call_rate: 6.5
                    dispatcher_id: 4600001
                    stream_timeout: 400ms
                    routes:
                      - { peer: 312000, slot: 1, talkgroup: 46001, streets: [Tianhe Road] }
                      - { peer: 312001, slot: 2, units: [U-1, U-2] }
                """).orElseThrow();

        HbpMasterLinkSettings m = assertInstanceOf(HbpMasterLinkSettings.class, config.links().get(0));
        assertEquals(new HostPort("0.0.0.0", 62100), m.listen());
        assertEquals(Optional.empty(), m.passphrase());
        assertEquals(List.of(312000L, 312001L), m.peers().stream().map(HbpMasterLinkSettings.Peer::peerId).toList());
        assertEquals("environment variable RPT_PASS", m.peers().get(1).passphrase().describe());
        assertEquals(Duration.ofSeconds(5), m.pingTimeout());
        assertEquals(4, m.missedPings());
        assertEquals(Duration.ofSeconds(20), m.loginTimeout());
        assertEquals(2, m.slotsInFlight());
        assertEquals(6.5, m.callRate());
        assertEquals(Optional.of(4600001), m.dispatcherId());
        assertEquals(4600001, m.radioId(), "radio_id defaults to the dispatcher's");
        assertEquals(Duration.ofMillis(400), m.streamTimeout());
        assertEquals(List.of(
                new HbpMasterLinkSettings.Route(312000, 1, Optional.of(46001), List.of("Tianhe Road"), List.of()),
                new HbpMasterLinkSettings.Route(312001, 2, Optional.empty(), List.of(), List.of("U-1", "U-2"))),
                m.routes());
    }

    @Test
    void masterMistakesAreReportedAtTheirLines() {
        LoadResult result = load("""
                  - id: dmr
                    type: hbp-master
                    listen: localhost
                    peers:
                      - { id: 312000, passphrase_file: hxt.token }
                      - { id: 312000, passphrase_file: hxt.token }
                      - { id: 5, passphrase: secret }
                    missed_pings: 0
                    slots_in_flight: 65
                    dispatcher_id: 16777215
                    routes:
                      - { peer: 999, slot: 3 }
                """);

        List<String> errors = positions(result.errors());
        assertEquals(List.of(
                "10:13 'listen' must be host:port with a port in 1..65535, got the string 'localhost'",
                "13:11 peer 312000 is listed twice (first on line 12)",
                "14:18 inline secret 'passphrase' is not allowed",
                "15:19 'missed_pings' must be in 1..100, got 0",
                "16:22 'slots_in_flight' must be in 1..64, got 65",
                "17:20 'dispatcher_id' must be in 1..16777214, got 16777215",
                "19:11 route names peer 999, which cannot log in",
                "19:28 'slot' must be in 1..2, got 3"), errors.stream().map(HbpLinkConfigTest::brief)
                .toList());
    }

    @Test
    void masterWithoutAnyPassphraseIsAnError() {
        LoadResult result = load("""
                  - id: dmr
                    type: hbp-master
                """);

        assertEquals(List.of("8:5 an hbp-master needs 'passphrase_file' (shared) or 'peers' with their own "
                + "passphrases"), positions(result.errors()).stream().map(HbpLinkConfigTest::brief).toList());
    }

    @Test
    void peerBindsEveryKeyAndDefaults() {
        OutpostConfig config = load("""
                  - id: bm
                    type: hbp-peer
                    master: 127.0.0.1:62031
                    peer_id: 460123401
                    passphrase_file: hxt.token
                    callsign: BG7XYZ
                    rx_frequency: 438500000
                    tx_frequency: 431500000
                    tx_power: 5
                    colour_code: 3
                    latitude: 23.1291
                    longitude: 113.2644
                    height: 30
                    location: Guangzhou
                    description: Outpost Tianhe
                    slots: 3
                    url: https://example.org
                    options: TS2=46001
                    ping_interval: 5s
                    timeout: 30s
                    reconnect: { min: 2s, max: 20s }
                    talkgroups: [46001, 46002]
                    allow_radio_check: true
                  - id: fd
                    type: hbp-peer
                    master: 127.0.0.1:62032
                    peer_id: 4600123
                    passphrase_env: FD_PASS
                    callsign: BG7ABC
                """).orElseThrow();

        HbpPeerLinkSettings p = assertInstanceOf(HbpPeerLinkSettings.class, config.links().get(0));
        assertEquals(new HostPort("127.0.0.1", 62031), p.master());
        assertEquals(460123401L, p.peerId());
        assertEquals(new HbpPeerLinkSettings.Station("BG7XYZ", 438500000, 431500000, 5, 3, "23.1291", "113.2644", 30,
                "Guangzhou", "Outpost Tianhe", '3', "https://example.org"), p.station());
        assertEquals(Optional.of("TS2=46001"), p.options());
        assertEquals(Duration.ofSeconds(5), p.pingInterval());
        assertEquals(Duration.ofSeconds(30), p.timeout());
        assertEquals(Duration.ofSeconds(2), p.reconnectMin());
        assertEquals(Duration.ofSeconds(20), p.reconnectMax());
        assertEquals(List.of(46001, 46002), p.talkgroups());
        assertTrue(p.allowRadioCheck());
        assertEquals(4601234, p.radioId(), "a 9-digit peer id is a radio id plus a 2-digit suffix");
        assertEquals(2, p.slot());

        HbpPeerLinkSettings d = assertInstanceOf(HbpPeerLinkSettings.class, config.links().get(1));
        assertFalse(d.allowRadioCheck());
        assertEquals(4600123, d.radioId());
        assertEquals(List.of(), d.talkgroups());
        assertEquals('4', d.station().slots());
        assertEquals(1, d.station().colourCode());
        assertEquals(Duration.ofSeconds(10), d.pingInterval());
        assertEquals(Duration.ofSeconds(1), d.reconnectMin());
    }

    @Test
    void peerMistakesAreReportedAtTheirLines() {
        LoadResult result = load("""
                  - id: bm
                    type: hbp-peer
                    master: 127.0.0.1:70000
                    passphrase_file: hxt.token
                    callsign: TOOLONGCALL
                    latitude: 95.5
                    talkgroups: [91, x]
                    allow_radio_check: yes
                    slot: 0
                """);

        assertEquals(List.of(
                "8:5 missing required key 'peer_id' in 'links[0]'",
                "10:13 'master' must be host:port with a port in 1..65535, got the string '127.0.0.1:70000'",
                "12:15 'callsign' must be at most 8 printable ASCII characters, got the string 'TOOLONGCALL'",
                "13:5 'latitude' must be decimal degrees in -90..90, at most 8 characters, got 95.5",
                "14:22 'talkgroups' items must be whole numbers in 1..16777214, got the string 'x'",
                "15:24 'allow_radio_check' must be true or false, got the boolean 'yes'",
                "16:11 'slot' must be in 1..2, got 0"),
                positions(result.errors()).stream().map(HbpLinkConfigTest::brief).toList());
    }

    @Test
    void voiceMusterKeysOfBothLinkTypes() {
        OutpostConfig config = load("""
                  - id: dmr
                    type: hbp-master
                    passphrase_file: hxt.token
                    dispatcher_id: 4600001
                    voice_talkgroup: 46009
                    routes:
                      - { peer: 312000, slot: 1, talkgroup: 46001 }
                  - id: site
                    type: hbp-master
                    listen: 127.0.0.1:62100
                    passphrase_file: hxt.token
                    routes:
                      - { peer: 312000, slot: 1, talkgroup: 46001 }
                      - { peer: 312000, slot: 2, talkgroup: 46001 }
                  - id: wide
                    type: hbp-master
                    listen: 127.0.0.1:62101
                    passphrase_file: hxt.token
                    routes:
                      - { peer: 312000, slot: 1, talkgroup: 46001 }
                      - { peer: 312000, slot: 2, talkgroup: 46002 }
                  - id: bm
                    type: hbp-peer
                    master: 127.0.0.1:62031
                    peer_id: 4600123
                    passphrase_file: hxt.token
                    callsign: BG7ABC
                    talkgroups: [46001, 46002]
                    dispatcher_id: 4600001
                    voice_talkgroup: 46002
                """).orElseThrow();

        HbpMasterLinkSettings m = (HbpMasterLinkSettings) config.links().get(0);
        assertEquals(Optional.of(46009), m.voiceTalkgroup());
        assertEquals(Optional.of(46009), m.defaultVoiceTalkgroup(), "the key wins over the routes");
        assertEquals(Optional.of(46001), ((HbpMasterLinkSettings) config.links().get(1)).defaultVoiceTalkgroup(),
                "the one talkgroup the routes name");
        assertEquals(Optional.empty(), ((HbpMasterLinkSettings) config.links().get(2)).defaultVoiceTalkgroup(),
                "routes naming two talkgroups give no default");
        HbpPeerLinkSettings p = (HbpPeerLinkSettings) config.links().get(3);
        assertEquals(Optional.of(4600001), p.dispatcherId());
        assertEquals(Optional.of(46002), p.voiceTalkgroup());
    }

    @Test
    void voiceMusterKeyMistakesAreReportedAtTheirLines() {
        LoadResult result = load("""
                  - id: dmr
                    type: hbp-master
                    passphrase_file: hxt.token
                    voice_talkgroup: 0
                  - id: bm
                    type: hbp-peer
                    master: 127.0.0.1:62031
                    peer_id: 4600123
                    passphrase_file: hxt.token
                    callsign: BG7ABC
                    talkgroups: [46001]
                    dispatcher_id: x
                    voice_talkgroup: 46002
                """);

        assertEquals(List.of(
                "11:22 'voice_talkgroup' must be in 1..16777214, got 0",
                "19:20 'dispatcher_id' must be a whole number in 1..16777214, got the string 'x'",
                "20:5 voice_talkgroup 46002 is not among 'talkgroups' [46001], so key-ups on it would never be heard"),
                positions(result.errors()).stream().map(HbpLinkConfigTest::brief).toList());
    }

    /** The position and message without the hint. */
    private static String brief(String positioned) {
        int hint = positioned.indexOf(" (hint");
        return hint < 0 ? positioned : positioned.substring(0, hint);
    }
}
