package dev.outpost.gateway.link.hbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.event.Via;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import dev.outpost.protocol.hbp.dmr.Csbk;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The peer link against a master driven by the protocol's master session, on real UDP sockets on 127.0.0.1. */
class HbpPeerLinkTest {
    private static final long PEER = 460_123_401L;
    private static final int OUR_RADIO = 4_601_234;
    private static final UnitRegistry REGISTRY = new UnitRegistry(List.of(
            new Unit("U-1", "One", UnitClass.A, "", null, null, 2001, null, null, null, Lifecycle.ACTIVE, 2)));

    private final Recorder recorder = new Recorder();
    private EventLoopGroup group;
    private HbpPeerLink link;

    @BeforeEach
    void group() {
        group = new NioEventLoopGroup(1);
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.stop();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void startLink(FakeMaster master, String passphrase) {
        HbpPeerSessionConfig session = new HbpPeerSessionConfig(PEER, passphrase, FakeRepeater.CONFIG, null,
                Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(1));
        link = new HbpPeerLink(new HbpPeerOptions("bm", master.address(), session, Duration.ofMillis(50),
                Duration.ofMillis(200), Set.of(46001), true, OUR_RADIO, 2, Duration.ofMillis(360)), group,
                GatewayClock.system(), () -> REGISTRY, recorder);
        link.start();
    }

    @Test
    void logsInReceivesWatchedTalkgroupsAndRadioChecks() throws Exception {
        try (FakeMaster master = new FakeMaster(PEER, "s3cret")) {
            startLink(master, "s3cret");
            master.pumpUntil(m -> m.session() != null && m.session().state() == HbpMasterState.CONNECTED,
                    Duration.ofSeconds(5));
            recorder.status(s -> s.state() == LinkState.UP, "up");

            for (Dmrd frame : voice(91, 5)) {
                master.send(frame); // not watched
            }
            for (Dmrd frame : voice(46001, 6)) {
                master.send(frame);
            }
            UnitEvent end = recorder.event(e -> e.payload() instanceof EventPayload.PttEnd, "ptt end");
            assertEquals(new EventPayload.PttEnd(PEER + "-6", "tg:46001"), end.payload());
            assertEquals(Optional.of("U-1"), end.unitId());
            assertEquals(Optional.of(new Via(Long.toString(PEER), 2, null)), end.via());
            assertFalse(recorder.events.stream().anyMatch(e -> e.payload() instanceof EventPayload.PttStart p
                    && p.channel().equals("tg:91")), "talkgroup 91 is not watched");

            CallReceipt receipt = link.call(new CallRequest("rc-1", List.of("2001"), null, CallMethod.POLL,
                    Duration.ofSeconds(5))).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(List.of(), receipt.refused());
            master.pumpUntil(m -> m.received.stream().anyMatch(d -> d.destination() == 2001), Duration.ofSeconds(5));
            Dmrd check = master.received.stream().filter(d -> d.destination() == 2001).findFirst().orElseThrow();
            assertEquals(OUR_RADIO, check.source());
            assertEquals(2, check.slot());
            Csbk csbk = assertInstanceOf(DmrSignal.ControlBlock.class, DmrInterpreter.interpret(check)).csbk();
            assertInstanceOf(Csbk.ExtendedFunction.class, csbk);

            master.send(DmrFrames.radioCheckAck(new DmrRoute(PEER, 2, 1, true), 99, 0, 2001, OUR_RADIO));
            UnitEvent ack = recorder.event(e -> e.payload() instanceof EventPayload.Ack, "ack");
            assertEquals("rc-1", ((EventPayload.Ack) ack.payload()).callRef());
            assertTrue(ack.receivedNanos() > receipt.sentNanos());
        }
    }

    @Test
    void aRefusedLoginIsRetriedWithBackoff() throws Exception {
        try (FakeMaster master = new FakeMaster(PEER, "s3cret")) {
            startLink(master, "wrong");
            master.pumpUntil(m -> m.logins >= 3, Duration.ofSeconds(5));

            assertTrue(recorder.statuses.stream().anyMatch(s -> s.state() == LinkState.DOWN
                    && s.detail().contains("MSTNAK") && s.detail().contains("logging in again")), recorder.statuses
                    .toString());
            assertTrue(link.status().reconnects() >= 2);
            assertTrue(recorder.statuses.stream().noneMatch(s -> s.state() == LinkState.UP));
        }
    }

    @Test
    void callsAreRefusedWhenRadioChecksAreNotAllowed() throws Exception {
        try (FakeMaster master = new FakeMaster(PEER, "s3cret")) {
            HbpPeerSessionConfig session = HbpPeerSessionConfig.withDefaults(PEER, "s3cret", FakeRepeater.CONFIG,
                    null);
            link = new HbpPeerLink(new HbpPeerOptions("bm", master.address(), session, Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Set.of(), false, OUR_RADIO, 2, Duration.ofMillis(360)), group,
                    GatewayClock.system(), () -> REGISTRY, recorder);

            var call = link.call(new CallRequest("x", List.of("2001"), null, CallMethod.POLL, Duration.ofSeconds(1)))
                    .toCompletableFuture();

            assertTrue(call.isCompletedExceptionally());
        }
    }

    private static List<Dmrd> voice(int talkgroup, long streamId) {
        return DmrFrames.voiceCall(new DmrRoute(PEER, 2, 1, true),
                new DmrRoute.Stream(streamId, 2001, talkgroup, Dmrd.CallType.GROUP), 1);
    }
}
