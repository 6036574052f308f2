package dev.outpost.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.ConfigLoader;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.TalkgroupVoiceLink;
import dev.outpost.gateway.link.hbp.DmrSlot;
import dev.outpost.gateway.link.hbp.HbpMasterLink;
import dev.outpost.gateway.link.hbp.HbpMasterOptions;
import dev.outpost.gateway.link.hbp.HbpPeerLink;
import dev.outpost.gateway.link.hbp.HbpPeerOptions;
import dev.outpost.gateway.time.GatewayClock;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hbp-master and hbp-peer config entries become links with the options written, secrets read from their files. */
class HbpWiringTest {
    private static final LinkListener NOBODY = new LinkListener() {
        @Override
        public void onEvent(UnitEvent event) {
        }

        @Override
        public void onStatus(LinkStatus status) {
        }
    };

    @Test
    void hbpLinksAreWiredFromTheConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"),
                "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n");
        Files.writeString(dir.resolve("rpt.pass"), "passw0rd\n");
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "gateway: { id: gw }",
                "mqtt: { url: tcp://127.0.0.1:1883 }",
                "units: { file: units.csv }",
                "links:",
                "  - id: dmr",
                "    type: hbp-master",
                "    listen: 127.0.0.1:62031",
                "    peers: [{ id: 312000, passphrase_file: rpt.pass }]",
                "    ping_timeout: 5s",
                "    missed_pings: 4",
                "    slots_in_flight: 2",
                "    call_rate: 5",
                "    dispatcher_id: 4600001",
                "    routes: [{ peer: 312000, slot: 2, talkgroup: 46001, units: [U-1] }]",
                "  - id: bm",
                "    type: hbp-peer",
                "    master: 127.0.0.1:62032",
                "    peer_id: 460123401",
                "    passphrase_file: rpt.pass",
                "    callsign: BG7XYZ",
                "    talkgroups: [46001]",
                "    allow_radio_check: true",
                "    dispatcher_id: 4600002",
                ""));
        OutpostConfig cfg = ConfigLoader.load(config).orElseThrow();
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            Link master = Wiring.link(cfg.links().get(0), group, GatewayClock.system(), UnitRegistry::empty, NOBODY);
            Link peer = Wiring.link(cfg.links().get(1), group, GatewayClock.system(), UnitRegistry::empty, NOBODY);

            HbpMasterOptions m = assertInstanceOf(HbpMasterLink.class, master).options();
            assertEquals(Optional.of("passw0rd"), m.passphraseFor(312000));
            assertEquals(Optional.empty(), m.passphraseFor(312001));
            assertEquals(Duration.ofSeconds(20), m.sessions().silenceAllowed());
            assertEquals(Optional.of(4600001), m.dispatcherId());
            assertEquals(new DmrSlot(312000, 2), m.routes().get(0).slot());
            assertEquals(2, master.pacing().maxInFlight());
            assertEquals(5.0, master.pacing().callsPerSecond());
            assertFalse(m.toString().contains("passw0rd"));
            assertInstanceOf(HbpPeerLink.class, peer);
            HbpPeerOptions p = Wiring.hbpPeerOptions((dev.outpost.config.HbpPeerLinkSettings) cfg.links().get(1));
            assertEquals(Set.of(46001), p.talkgroups());
            assertTrue(p.allowRadioCheck());
            assertEquals("BG7XYZ", p.session().config().callsign());
            // Voice musters: the master's talkgroup is the one its routes name; the peer has its dispatcher only.
            assertEquals(new TalkgroupVoiceLink.TalkgroupVoice(Optional.of(4600001), Optional.of(46001)),
                    ((TalkgroupVoiceLink) master).talkgroupVoice());
            assertEquals(new TalkgroupVoiceLink.TalkgroupVoice(Optional.of(4600002), Optional.empty()),
                    ((TalkgroupVoiceLink) peer).talkgroupVoice());
            assertFalse(p.toString().contains("passw0rd"));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
