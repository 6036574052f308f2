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
import dev.outpost.gateway.link.StationStatus;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.protocol.hbp.dmr.Csbk;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The master link on a real UDP socket on 127.0.0.1, with repeaters driven by the protocol's peer session. */
class HbpMasterLinkTest {
    private static final long GOOD = 312000;
    private static final long BAD = 312001;
    private static final int OUR_RADIO = 9;
    private static final UnitRegistry REGISTRY = new UnitRegistry(List.of(
            new Unit("U-1", "One", UnitClass.A, "Tianhe Road", null, null, 2001, null, null, null, Lifecycle.ACTIVE, 2),
            new Unit("U-2", "Two", UnitClass.B, "Elsewhere", null, null, 2002, null, null, null, Lifecycle.ACTIVE, 1)));

    private final Recorder recorder = new Recorder();
    private EventLoopGroup group;
    private HbpMasterLink link;
    private InetSocketAddress address;

    @BeforeEach
    void startMaster() throws InterruptedException {
        group = new NioEventLoopGroup(1);
        HbpMasterOptions options = new HbpMasterOptions("dmr", new InetSocketAddress("127.0.0.1", 0),
                Optional.empty(), Map.of(GOOD, "s3cret", BAD, "other"),
                new HbpMasterSessionConfig(Duration.ofMillis(150), 2, Duration.ofSeconds(2)), 1, 8,
                Optional.empty(), OUR_RADIO, Duration.ofMillis(360),
                List.of(new HbpRouteRule(new DmrSlot(GOOD, 1), Optional.of(46001), Set.of("Tianhe Road"), Set.of())));
        link = new HbpMasterLink(options, group, GatewayClock.system(), () -> REGISTRY, recorder);
        link.start();
        recorder.status(s -> s.state() == LinkState.UP, "up");
        address = link.localAddress().orElseThrow();
    }

    @AfterEach
    void stop() {
        link.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void rightPassphraseBringsTheStationUpWithItsConfig() throws Exception {
        try (FakeRepeater repeater = new FakeRepeater(GOOD, "s3cret", address)) {
            assertEquals(HbpPeerState.RUNNING, repeater.login(Duration.ofSeconds(5)));

            StationStatus station = recorder.status(s -> station(s.stations(), GOOD, LinkState.UP) != null
                    && !station(s.stations(), GOOD, LinkState.UP).info().isEmpty(), "station up").stations().get(0);
            assertEquals("312000", station.stationId());
            assertEquals("BX1ABC", station.info().get("callsign"));
            assertEquals("438500000", station.info().get("rx_hz"));
            assertEquals("1", station.info().get("colour_code"));
            assertEquals("3", station.info().get("slots"));
            assertTrue(station.address().startsWith("127.0.0.1:"));
            assertEquals(station, link.status().stations().get(0));
        }
    }

    @Test
    void wrongPassphraseGetsNakAndItsTrafficNeverBecomesEvents() throws Exception {
        try (FakeRepeater bad = new FakeRepeater(BAD, "guess", address);
                FakeRepeater good = new FakeRepeater(GOOD, "s3cret", address)) {
            assertEquals(HbpPeerState.WAITING_RETRY, bad.login(Duration.ofSeconds(5)));
            assertEquals(HbpPeerState.RUNNING, good.login(Duration.ofSeconds(5)));
            recorder.status(s -> station(s.stations(), BAD, LinkState.DOWN) != null
                    && station(s.stations(), BAD, LinkState.DOWN).detail().contains("MSTNAK"), "bad station refused");

            for (Dmrd frame : voice(BAD, 2002, 7)) {
                bad.sendRaw(FakeRepeater.encode(frame));
            }
            for (Dmrd frame : voice(GOOD, 2001, 8)) {
                good.send(frame);
            }

            recorder.event(e -> e.payload() instanceof EventPayload.PttEnd && e.address().equals("2001"), "good end");
            assertFalse(recorder.events.stream().anyMatch(e -> e.address().equals("2002")),
                    "DMRD of a refused peer became events: " + recorder.events);
        }
    }

    @Test
    void voiceFromAStationBecomesPttStartAndEndWithStationSlotAndRssi() throws Exception {
        try (FakeRepeater repeater = new FakeRepeater(GOOD, "s3cret", address)) {
            repeater.login(Duration.ofSeconds(5));
            for (Dmrd frame : voice(GOOD, 2001, 5)) {
                repeater.send(frame);
            }

            UnitEvent start = recorder.event(e -> e.payload() instanceof EventPayload.PttStart, "ptt start");
            UnitEvent end = recorder.event(e -> e.payload() instanceof EventPayload.PttEnd, "ptt end");
            assertEquals(Optional.of("U-1"), start.unitId());
            assertEquals("dmr", start.linkId());
            assertEquals(Optional.of(new Via("312000", 1, -63)), start.via());
            assertEquals(new EventPayload.PttStart("312000-5", "tg:46001"), start.payload());
            assertEquals(new EventPayload.PttEnd("312000-5", "tg:46001"), end.payload());
            assertTrue(end.receivedNanos() >= start.receivedNanos());
        }
    }

    @Test
    void radioCheckGoesOutAndItsAckComesBackWithTheCallRef() throws Exception {
        try (FakeRepeater repeater = new FakeRepeater(GOOD, "s3cret", address)) {
            repeater.login(Duration.ofSeconds(5));
            recorder.status(s -> station(s.stations(), GOOD, LinkState.UP) != null, "station up");
            long before = System.nanoTime();

            CallReceipt receipt = link.call(new CallRequest("call-7", List.of("2001"), null, CallMethod.POLL,
                    Duration.ofSeconds(5))).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertEquals("call-7", receipt.callRef());
            assertEquals(List.of(), receipt.refused());
            assertTrue(receipt.sentNanos() >= before);
            repeater.pumpUntil(r -> !r.received.isEmpty(), Duration.ofSeconds(5));
            Dmrd request = repeater.received.get(0);
            assertEquals(OUR_RADIO, request.source());
            assertEquals(2001, request.destination());
            assertEquals(1, request.slot());
            Csbk csbk = assertInstanceOf(DmrSignal.ControlBlock.class, DmrInterpreter.interpret(request)).csbk();
            assertEquals(Csbk.FUNCTION_RADIO_CHECK, assertInstanceOf(Csbk.ExtendedFunction.class, csbk).function());

            repeater.send(signal(DmrFrames.radioCheckAck(new DmrRoute(GOOD, 1, 1, false), 77, 0, 2001, OUR_RADIO)));

            UnitEvent ack = recorder.event(e -> e.payload() instanceof EventPayload.Ack, "ack");
            assertEquals(new EventPayload.Ack("call-7", null, null), ack.payload());
            assertEquals(Optional.of("U-1"), ack.unitId());
            assertEquals(Optional.of(new Via("312000", 1, -63)), ack.via());
            assertTrue(ack.receivedNanos() > receipt.sentNanos());
        }
    }

    @Test
    void unreachableAddressesAreRefusedAndVoiceIsNoCall() throws Exception {
        try (FakeRepeater repeater = new FakeRepeater(GOOD, "s3cret", address)) {
            repeater.login(Duration.ofSeconds(5));
            recorder.status(s -> station(s.stations(), GOOD, LinkState.UP) != null, "station up");

            CallReceipt receipt = link.call(new CallRequest("c", List.of("2002", "nope"), null, CallMethod.CONFIRM,
                    Duration.ofSeconds(5))).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertEquals(List.of("2002", "nope"), receipt.refused());
            assertEquals(Optional.of(new DmrSlot(GOOD, 1)), link.slotFor("2001"));
            assertEquals(Optional.empty(), link.slotFor("2002"));
            var voice = link.call(new CallRequest("v", List.of("2001"), "46001", CallMethod.VOICE, Duration.ZERO))
                    .toCompletableFuture();
            assertTrue(assertThrowsCause(voice) instanceof UnsupportedOperationException);
        }
    }

    @Test
    void aSilentStationIsDroppedAfterItsMissedPings() throws Exception {
        try (FakeRepeater repeater = new FakeRepeater(GOOD, "s3cret", address)) {
            repeater.login(Duration.ofSeconds(5));
            recorder.status(s -> station(s.stations(), GOOD, LinkState.UP) != null, "station up");
            // the repeater stops pumping: no more RPTPING; 2 x 150 ms later the master drops it
            StationStatus dropped = station(recorder.status(s -> station(s.stations(), GOOD, LinkState.DOWN) != null,
                    "station dropped").stations(), GOOD, LinkState.DOWN);
            assertTrue(dropped.detail().contains("2 missed"), dropped.detail());
        }
    }

    private static Throwable assertThrowsCause(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("completed normally");
    }

    static StationStatus station(List<StationStatus> stations, long peerId, LinkState state) {
        return stations.stream().filter(s -> s.stationId().equals(Long.toString(peerId)) && s.state() == state)
                .findFirst().orElse(null);
    }

    /** A voice call on slot 1, talkgroup 46001, with RSSI -63 dBm. */
    static List<Dmrd> voice(long peerId, int talker, long streamId) {
        return DmrFrames.voiceCall(new DmrRoute(peerId, 1, 1, false),
                new DmrRoute.Stream(streamId, talker, 46001, Dmrd.CallType.GROUP), 1).stream()
                .map(HbpMasterLinkTest::signal).toList();
    }

    static Dmrd signal(Dmrd d) {
        return new Dmrd(d.sequence(), d.source(), d.destination(), d.peerId(), d.slot(), d.callType(), d.frameType(),
                d.typeOrVoiceIndex(), d.streamId(), d.burst(), new Dmrd.Signal(0, 63));
    }
}
